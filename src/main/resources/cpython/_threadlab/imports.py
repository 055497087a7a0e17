"""Runs a patch right after a module of Python's library is imported, so what the listing never
imports costs nothing (multiprocessing alone takes tens of milliseconds to import)."""
import sys

_after = {}


class _Finder:
    """A meta path finder that finds what the others find, and patches the module once it has run."""

    def find_spec(self, name, path, target=None):
        if name not in _after:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        real_exec = loader.exec_module

        def exec_module(module):
            real_exec(module)
            for patch in _after.pop(name, ()):
                patch(module)

        try:
            loader.exec_module = exec_module
        except (AttributeError, TypeError):
            pass
        return spec


_finder = _Finder()


def after_import(name, patch):
    """Calls patch(module) once `name` is imported (at once if it already is)."""
    module = sys.modules.get(name)
    if module is not None:
        patch(module)
        return
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    _after.setdefault(name, []).append(patch)

"""ThreadLab's runner for a listing under real CPython; sitecustomize.py installs it (see there)."""

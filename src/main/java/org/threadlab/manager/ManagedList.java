package org.threadlab.manager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;

/**
 * The list a manager holds, which {@code ListProxy} calls reach. Each call is one step, atomic as a
 * list's method is under CPython's GIL, and recorded in the serving thread's lane as a shared list's
 * steps are ({@link org.threadlab.probe.SharedList}): READ or WRITE, with the length after it, so the
 * page's panel draws its length over time.
 * <p>
 * Thread-safety: any serving thread may call; the list is guarded by itself.
 */
final class ManagedList implements Referent {

	private final String name;

	private final List<Object> items = new ArrayList<>();

	ManagedList(String name, Collection<?> initial) {
		this.name = name;
		items.addAll(initial);
		Actor me = Actor.current();
		me.hook().instant(me, EventKind.CREATE, name, Map.of("type", "list", "size", (long) items.size()), Event.NO_CAUSE);
	}

	@Override
	public Object call(String method, Object[] a) throws InterruptedException {
		Actor me = Actor.current();
		boolean writes = switch (method) {
			case "append", "extend", "insert", "pop", "remove", "reverse", "__setitem__", "__delitem__" -> true;
			case "__getitem__", "__len__", "__contains__", "index", "count" -> false;
			default -> throw Referent.notExposed(method, "list");
		};
		EventKind kind = writes ? EventKind.WRITE : EventKind.READ;
		me.hook().step(me, kind, name);
		Object result;
		long length;
		synchronized (items) {
			result = apply(method, a);
			length = items.size();
		}
		me.hook().instantInside(me, kind, name, length, Event.NO_CAUSE);
		return result;
	}

	private Object apply(String method, Object[] a) {
		switch (method) {
			case "append" -> items.add(a[0]);
			case "extend" -> items.addAll((Collection<?>) a[0]);
			case "insert" -> items.add(Math.max(0, Math.min(items.size(), index(a[0]))), a[1]);
			case "reverse" -> Collections.reverse(items);
			case "remove" -> {
				if (!items.remove(a[0])) {
					throw new PyException("ValueError", "list.remove(x): x not in list");
				}
			}
			case "pop" -> {
				if (items.isEmpty()) {
					throw new PyException("IndexError", "pop from empty list");
				}
				return items.remove(a.length == 0 ? items.size() - 1 : checked(a[0], "pop index out of range"));
			}
			case "__setitem__" -> items.set(checked(a[0], "list assignment index out of range"), a[1]);
			case "__delitem__" -> items.remove(checked(a[0], "list assignment index out of range"));
			case "__getitem__" -> {
				return items.get(checked(a[0], "list index out of range"));
			}
			case "__len__" -> {
				return items.size();
			}
			case "__contains__" -> {
				return items.contains(a[0]);
			}
			case "count" -> {
				return (int) items.stream().filter(item -> item == null ? a[0] == null : item.equals(a[0])).count();
			}
			case "index" -> {
				int at = items.indexOf(a[0]);
				if (at < 0) {
					throw new PyException("ValueError", PyRepr.repr(a[0]) + " is not in list");
				}
				return at;
			}
			default -> throw Referent.notExposed(method, "list");
		}
		return null;
	}

	/** A Python index (negative from the end), checked against the list's length. */
	private int checked(Object index, String message) {
		int at = index(index);
		if (at < 0 || at >= items.size()) {
			throw new PyException("IndexError", message);
		}
		return at;
	}

	private int index(Object index) {
		int i = ((Number) index).intValue();
		return i < 0 ? i + items.size() : i;
	}

	@Override
	public String repr() {
		synchronized (items) {
			return PyRepr.repr(items);
		}
	}

	@Override
	public Object value() {
		synchronized (items) {
			return new ArrayList<>(items);
		}
	}

}

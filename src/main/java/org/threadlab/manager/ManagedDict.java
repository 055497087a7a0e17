package org.threadlab.manager;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyException;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;

/**
 * The dict a manager holds, which {@code DictProxy} calls reach: a dict in insertion order, as Python's.
 * Each call is one step, atomic as a dict's method is under CPython's GIL, and recorded in the serving
 * thread's lane: READ (value: the key and what was read, {@code 'count': 0}) or WRITE ({@code 'count': 1}).
 * The gate and the GIL's switch point come before the step, so a gate can order steps of two serving
 * threads: that is how a test forces a lost update ({@code d['count'] = d['count'] + 1} is a read and a
 * write, two requests, with nothing to keep another process's between them).
 * <p>
 * Thread-safety: any serving thread may call; the map is guarded by itself.
 */
final class ManagedDict implements Referent {

	private final String name;

	private final Map<Object, Object> map = new LinkedHashMap<>();

	ManagedDict(String name) {
		this.name = name;
	}

	@Override
	public Object call(String method, Object[] a) throws InterruptedException {
		Actor me = Actor.current();
		switch (method) {
			case "__getitem__" -> {
				me.hook().step(me, EventKind.READ, name);
				Object value;
				synchronized (map) {
					if (!map.containsKey(a[0])) {
						throw keyError(a[0]);
					}
					value = map.get(a[0]);
				}
				recorded(me, EventKind.READ, a[0], value);
				return value;
			}
			case "get" -> {
				me.hook().step(me, EventKind.READ, name);
				Object value;
				synchronized (map) {
					value = map.containsKey(a[0]) ? map.get(a[0]) : a.length > 1 ? a[1] : null;
				}
				recorded(me, EventKind.READ, a[0], value);
				return value;
			}
			case "__contains__" -> {
				me.hook().step(me, EventKind.READ, name);
				boolean in;
				synchronized (map) {
					in = map.containsKey(a[0]);
				}
				me.hook().instantInside(me, EventKind.READ, name, PyRepr.repr(a[0]) + " in: " + PyRepr.repr(in), Event.NO_CAUSE);
				return in;
			}
			case "__len__" -> {
				me.hook().step(me, EventKind.READ, name);
				int length;
				synchronized (map) {
					length = map.size();
				}
				me.hook().instantInside(me, EventKind.READ, name, "len: " + length, Event.NO_CAUSE);
				return length;
			}
			case "keys", "values", "items", "copy" -> {
				me.hook().step(me, EventKind.READ, name);
				Object view;
				synchronized (map) {
					view = switch (method) {
						case "keys" -> new ArrayList<>(map.keySet());
						case "values" -> new ArrayList<>(map.values());
						case "items" -> map.entrySet().stream().map(e -> (Object) new Object[] { e.getKey(), e.getValue() }).toList();
						default -> new LinkedHashMap<>(map);
					};
				}
				me.hook().instantInside(me, EventKind.READ, name, method + "(): " + PyRepr.repr(view), Event.NO_CAUSE);
				return view;
			}
			case "__setitem__" -> {
				me.hook().step(me, EventKind.WRITE, name);
				synchronized (map) {
					map.put(a[0], a[1]);
				}
				recorded(me, EventKind.WRITE, a[0], a[1]);
				return null;
			}
			case "setdefault" -> {
				me.hook().step(me, EventKind.WRITE, name);
				Object value;
				synchronized (map) {
					value = map.containsKey(a[0]) ? map.get(a[0]) : a.length > 1 ? a[1] : null;
					map.putIfAbsent(a[0], value);
				}
				recorded(me, EventKind.WRITE, a[0], value);
				return value;
			}
			case "__delitem__", "pop" -> {
				me.hook().step(me, EventKind.WRITE, name);
				Object value;
				synchronized (map) {
					if (!map.containsKey(a[0])) {
						if (method.equals("pop") && a.length > 1) {
							return a[1];
						}
						throw keyError(a[0]);
					}
					value = map.remove(a[0]);
				}
				me.hook().instantInside(me, EventKind.WRITE, name, "del " + PyRepr.repr(a[0]), Event.NO_CAUSE);
				return method.equals("pop") ? value : null;
			}
			case "popitem" -> {
				me.hook().step(me, EventKind.WRITE, name);
				Object[] item;
				synchronized (map) {
					if (map.isEmpty()) {
						throw new PyException("KeyError", "'popitem(): dictionary is empty'");
					}
					Object last = null;
					for (Iterator<Object> keys = map.keySet().iterator(); keys.hasNext();) {
						last = keys.next();
					}
					item = new Object[] { last, map.remove(last) };
				}
				me.hook().instantInside(me, EventKind.WRITE, name, "del " + PyRepr.repr(item[0]), Event.NO_CAUSE);
				return item;
			}
			case "update", "clear" -> {
				me.hook().step(me, EventKind.WRITE, name);
				synchronized (map) {
					if (method.equals("clear")) {
						map.clear();
					}
					else {
						map.putAll((Map<?, ?>) a[0]);
					}
				}
				me.hook().instantInside(me, EventKind.WRITE, name,
						method + "(" + (a.length > 0 ? PyRepr.repr(a[0]) : "") + ")", Event.NO_CAUSE);
				return null;
			}
			default -> throw Referent.notExposed(method, "dict");
		}
	}

	private void recorded(Actor me, EventKind kind, Object key, Object value) {
		me.hook().instantInside(me, kind, name, PyRepr.repr(key) + ": " + PyRepr.repr(value), Event.NO_CAUSE);
	}

	private static PyException keyError(Object key) {
		return new PyException("KeyError", PyRepr.repr(key));
	}

	@Override
	public String repr() {
		synchronized (map) {
			return PyRepr.repr(map);
		}
	}

	@Override
	public Object value() {
		synchronized (map) {
			return new LinkedHashMap<>(map);
		}
	}

}

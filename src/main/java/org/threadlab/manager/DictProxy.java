package org.threadlab.manager;

import java.io.Serial;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code DictProxy}, of a dict held by a manager: each method is one request to the server.
 * So {@code d[key] = d[key] + 1} is two of them, a read and a write, and another process's requests may
 * come between them: a managed dict does not make a read-modify-write atomic, a lock around it does.
 * Thread-safety: as every proxy ({@link BaseProxy}).
 */
public final class DictProxy extends BaseProxy {

	@Serial
	private static final long serialVersionUID = 1L;

	DictProxy(Token token) {
		super(token);
	}

	/** {@code d[key]}; {@code KeyError} if it is not there. */
	public Object getItem(Object key) throws InterruptedException {
		return callMethod("__getitem__", key);
	}

	/** {@code d[key] = value}. */
	public void setItem(Object key, Object value) throws InterruptedException {
		callMethod("__setitem__", key, value);
	}

	/** {@code del d[key]}. */
	public void delItem(Object key) throws InterruptedException {
		callMethod("__delitem__", key);
	}

	/** {@code d.get(key)}: None (null) if it is not there. */
	public Object get(Object key) throws InterruptedException {
		return callMethod("get", key);
	}

	/** {@code d.get(key, default)}. */
	public Object get(Object key, Object otherwise) throws InterruptedException {
		return callMethod("get", key, otherwise);
	}

	/** {@code key in d}. */
	public boolean contains(Object key) throws InterruptedException {
		return (Boolean) callMethod("__contains__", key);
	}

	/** {@code len(d)}. */
	public int len() throws InterruptedException {
		return (Integer) callMethod("__len__");
	}

	/** {@code d.keys()}, as a list. */
	@SuppressWarnings("unchecked")
	public List<Object> keys() throws InterruptedException {
		return (List<Object>) callMethod("keys");
	}

	/** {@code d.values()}, as a list. */
	@SuppressWarnings("unchecked")
	public List<Object> values() throws InterruptedException {
		return (List<Object>) callMethod("values");
	}

	/** {@code d.items()}, as a list of (key, value) tuples. */
	@SuppressWarnings("unchecked")
	public List<Object[]> items() throws InterruptedException {
		return (List<Object[]>) callMethod("items");
	}

	/** {@code d.copy()}: a plain dict, a copy made by the server. */
	@SuppressWarnings("unchecked")
	public Map<Object, Object> copy() throws InterruptedException {
		return (Map<Object, Object>) callMethod("copy");
	}

	/** {@code d.pop(key)}. */
	public Object pop(Object key) throws InterruptedException {
		return callMethod("pop", key);
	}

	/** {@code d.setdefault(key, value)}. */
	public Object setdefault(Object key, Object value) throws InterruptedException {
		return callMethod("setdefault", key, value);
	}

	/** {@code d.update(other)}. */
	public void update(Map<?, ?> other) throws InterruptedException {
		callMethod("update", new java.util.LinkedHashMap<>(other));
	}

	/** {@code d.clear()}. */
	public void clear() throws InterruptedException {
		callMethod("clear");
	}

	@Override
	String typeName() {
		return "DictProxy";
	}

}

package org.threadlab.manager;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code ListProxy}, of a list held by a manager: each method is one request to the server.
 * Indexes count from the end when negative, as Python's. Thread-safety: as every proxy ({@link BaseProxy}).
 */
public final class ListProxy extends BaseProxy {

	@Serial
	private static final long serialVersionUID = 1L;

	ListProxy(Token token) {
		super(token);
	}

	/** {@code l.append(item)}. */
	public void append(Object item) throws InterruptedException {
		callMethod("append", item);
	}

	/** {@code l.extend(items)}. */
	public void extend(List<?> items) throws InterruptedException {
		callMethod("extend", new ArrayList<>(items));
	}

	/** {@code l.insert(index, item)}. */
	public void insert(int index, Object item) throws InterruptedException {
		callMethod("insert", index, item);
	}

	/** {@code l[index]}. */
	public Object getItem(int index) throws InterruptedException {
		return callMethod("__getitem__", index);
	}

	/** {@code l[index] = item}. */
	public void setItem(int index, Object item) throws InterruptedException {
		callMethod("__setitem__", index, item);
	}

	/** {@code del l[index]}. */
	public void delItem(int index) throws InterruptedException {
		callMethod("__delitem__", index);
	}

	/** {@code l.pop()}. */
	public Object pop() throws InterruptedException {
		return callMethod("pop");
	}

	/** {@code l.pop(index)}. */
	public Object pop(int index) throws InterruptedException {
		return callMethod("pop", index);
	}

	/** {@code l.remove(item)}. */
	public void remove(Object item) throws InterruptedException {
		callMethod("remove", item);
	}

	/** {@code l.index(item)}. */
	public int index(Object item) throws InterruptedException {
		return (Integer) callMethod("index", item);
	}

	/** {@code l.count(item)}. */
	public int count(Object item) throws InterruptedException {
		return (Integer) callMethod("count", item);
	}

	/** {@code item in l}. */
	public boolean contains(Object item) throws InterruptedException {
		return (Boolean) callMethod("__contains__", item);
	}

	/** {@code len(l)}. */
	public int len() throws InterruptedException {
		return (Integer) callMethod("__len__");
	}

	/** {@code l.reverse()}. */
	public void reverse() throws InterruptedException {
		callMethod("reverse");
	}

	@Override
	String typeName() {
		return "ListProxy";
	}

}

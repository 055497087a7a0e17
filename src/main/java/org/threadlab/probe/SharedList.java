package org.threadlab.probe;

import java.util.ArrayList;
import java.util.List;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;

/**
 * A Python list that threads share, like the tutorial's {@code detail_url_list}. Each operation is
 * atomic, as a CPython list's is under the GIL, and recorded (READ for {@code len}, WRITE for
 * {@code append} and {@code pop}, with the length after); a check followed by an action is not, which
 * is why the scenario takes a lock around them.
 * <p>
 * Thread-safety: any actor may call any method; each is synchronized on the list.
 */
public final class SharedList {

	private final String name;

	private final List<Object> items = new ArrayList<>();

	public SharedList(String name) {
		this.name = name;
		Created.record(name, "list", 0);
	}

	/** {@code len(list)}. */
	public int len() {
		Actor me = Actor.current();
		int length;
		synchronized (items) {
			length = items.size();
		}
		me.hook().instant(me, EventKind.READ, name, (long) length, Event.NO_CAUSE);
		return length;
	}

	/** {@code list.append(item)}. */
	public void append(Object item) {
		Actor me = Actor.current();
		int length;
		synchronized (items) {
			items.add(item);
			length = items.size();
		}
		me.hook().instant(me, EventKind.WRITE, name, (long) length, Event.NO_CAUSE);
	}

	/** {@code list.pop()}: the last item; IndexError when empty. */
	public Object pop() {
		Actor me = Actor.current();
		Object item;
		int length;
		synchronized (items) {
			if (items.isEmpty()) {
				throw new org.threadlab.builtins.PyException("IndexError", "pop from empty list");
			}
			item = items.remove(items.size() - 1);
			length = items.size();
		}
		me.hook().instant(me, EventKind.WRITE, name, (long) length, Event.NO_CAUSE);
		return item;
	}

	public String name() {
		return name;
	}

}

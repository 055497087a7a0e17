package org.threadlab.probe;

import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;

/** Records that a primitive came into being, with its type and size, for the page's panels. */
final class Created {

	private Created() {
	}

	static void record(String name, String type, long size) {
		Actor me = Actor.current();
		me.hook().instant(me, EventKind.CREATE, name, Map.of("type", type, "size", size), Event.NO_CAUSE);
	}

}

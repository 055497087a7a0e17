package org.threadlab.rooms;

import java.util.Map;

/** A control message of a room, from its teacher (or the server) to everyone in it. Immutable records. */
public sealed interface RoomSignal {

	/** Go to this lesson, with these values; with {@code challenge}, play its challenge there. */
	record Lesson(String scenario, Map<String, Object> params, Map<String, Object> settings, boolean challenge)
			implements RoomSignal {

		public Lesson {
			params = Map.copyOf(params);
			settings = Map.copyOf(settings);
		}

	}

	/** The room is over: {@code closed} by its teacher, or {@code idle}. */
	record Ended(String reason) implements RoomSignal {
	}

}

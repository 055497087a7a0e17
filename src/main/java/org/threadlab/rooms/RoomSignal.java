package org.threadlab.rooms;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A control message of a room, from its teacher (or the server) to everyone in it, on every server the
 * room reaches (read by Jackson by its {@code "kind"} when it crosses a broker). Immutable records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = RoomSignal.Lesson.class, name = "lesson"),
		@JsonSubTypes.Type(value = RoomSignal.Ended.class, name = "ended"),
		@JsonSubTypes.Type(value = RoomSignal.Steer.class, name = "steer") })
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

	/**
	 * The teacher steers the room's run from a server that does not hold it: the server that does applies
	 * it. {@code action} is {@code pause}, {@code step} (of {@code actor}), {@code resume} or {@code cancel}.
	 */
	record Steer(String action, int actor) implements RoomSignal {

		public static Steer of(String action) {
			return new Steer(action, 0);
		}

	}

}

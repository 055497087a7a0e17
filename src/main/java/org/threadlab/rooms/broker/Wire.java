package org.threadlab.rooms.broker;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.threadlab.event.Event;
import org.threadlab.rooms.Member;
import org.threadlab.rooms.RoomSignal;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;

/**
 * What servers tell each other about rooms through the broker, as JSON read by its {@code "type"}. Every
 * message names its room and the server it comes from ({@code origin}, an instance id of
 * {@link org.threadlab.rooms.RoomOwners}). Immutable records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Wire.Run.class, name = "run"),
		@JsonSubTypes.Type(value = Wire.Want.class, name = "want"),
		@JsonSubTypes.Type(value = Wire.Signal.class, name = "signal"),
		@JsonSubTypes.Type(value = Wire.MemberChanged.class, name = "member") })
sealed interface Wire {

	String room();

	String origin();

	/** A run as it started: what a follower's {@code room-started} says. {@code startedAtMs}: wall clock, to tell the newer of two runs. */
	record Started(long runId, String scenario, double speed, Map<String, Object> params, Map<String, Object> settings,
			long startedAtMs) {
	}

	/** The run's gate changed (its holder's own {@code version} of it), and is now {@code snapshot}. */
	record Gate(long version, PauseGate.Snapshot snapshot) {
	}

	/** The run is over after {@code total} events, with this outcome. */
	record End(long total, Outcome outcome) {
	}

	/**
	 * Events {@code from} onwards of the room's run {@code runId} on {@code origin}, sequenced so that a
	 * server that missed some sees the gap; the lesson clock when they left; the gate when it changed; the
	 * end once every event is sent. {@code started} is there on a run's first message and in a replay (the
	 * run so far, sent to one server that asked), so that such a message alone makes a follower's copy.
	 */
	record Run(String room, String origin, long runId, Started started, long from, List<Event> events, long lessonNs,
			double rate, Gate gate, End end) implements Wire {

		public Run {
			events = List.copyOf(events);
		}

	}

	/** {@code origin} asks the server holding the room's run for its events from {@code from} on (a join, a gap); {@code runId} -1: whichever run it holds. */
	record Want(String room, String origin, long runId, long from) implements Wire {
	}

	/** A control message of the room. */
	record Signal(String room, String origin, RoomSignal signal) implements Wire {
	}

	/** A student of the room as they are now (without their token), at the {@code version}-th change of their row. */
	record MemberChanged(String room, String origin, Member member, long version) implements Wire {
	}

}

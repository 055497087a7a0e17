package org.threadlab.rooms.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.rooms.Member;
import org.threadlab.rooms.RoomSignal;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;

import tools.jackson.databind.json.JsonMapper;

/**
 * What crosses the broker comes out as it went in: a run's events are written to a follower on another
 * server as they are written on the server holding the run (their values, an actor's record or a float
 * included), a control message keeps its kind, a student their wins.
 */
class WireTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private <T> T across(Object message, Class<T> type) {
		return json.readValue(json.writeValueAsBytes(message), type);
	}

	@Test
	void aRunsEventsAreWrittenOnTheOtherSideAsOnThisOne() {
		List<Event> events = List.of(
				new Event(0, 1, 0, EventKind.BEGIN, null, 2.0, 0, Event.NO_CAUSE),
				new Event(1, 2, 0, EventKind.SPAWN, null, new ActorInfo(1, "Thread-1 (fn)", ActorInfo.Type.THREAD, 42, 0, false), 7,
						Event.NO_CAUSE),
				new Event(2, 3, 1, EventKind.PRINT, null, "x = True", 8, 1),
				new Event(3, 4, 1, EventKind.END, null, new Outcome(Outcome.Status.DEADLOCK, null, 9, 0), 0, Event.NO_CAUSE));
		Wire.Run sent = new Wire.Run("KM3R7X", "a", 3, new Wire.Started(3, "deadlock", 1.5, Map.of("n", 4), Map.of("gil", true), 99),
				0, events, 12, 1.5, new Wire.Gate(2, new PauseGate.Snapshot(true, List.of(
						new PauseGate.Held(1, 1, "Thread-1 (fn)", EventKind.ACQUIRE, "a", 8)))),
				new Wire.End(4, new Outcome(Outcome.Status.DEADLOCK, null, 9, 0)));
		Wire.Run got = (Wire.Run) across(sent, Wire.class);
		assertThat(json.writeValueAsString(got.events())).isEqualTo(json.writeValueAsString(events));
		assertThat(got.started()).isEqualTo(sent.started());
		assertThat(got.gate()).isEqualTo(sent.gate());
		assertThat(got.end()).isEqualTo(sent.end());
	}

	@Test
	void aControlMessageKeepsItsKind() {
		for (RoomSignal signal : List.of(new RoomSignal.Lesson("queue", Map.of("size", 3), Map.of(), true),
				new RoomSignal.Ended("closed"), new RoomSignal.Steer("step", 2))) {
			Wire.Signal got = (Wire.Signal) across(new Wire.Signal("KM3R7X", "a", signal), Wire.class);
			assertThat(got.signal()).isEqualTo(signal);
		}
	}

	@Test
	void aStudentKeepsTheirWinsAndNotTheirToken() {
		Member ada = new Member(3, null, "Ada", true, "deadlock", false, true, List.of(new Member.Win("deadlock", 7)));
		Wire.MemberChanged got = (Wire.MemberChanged) across(new Wire.MemberChanged("KM3R7X", "a", ada, 5), Wire.class);
		assertThat(got.member()).isEqualTo(ada);
		assertThat(got.version()).isEqualTo(5);
	}

}

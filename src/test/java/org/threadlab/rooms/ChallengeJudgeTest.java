package org.threadlab.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

/** The server reads a challenge's win as the page does (src/test/frontend/challenges.test.js). */
class ChallengeJudgeTest {

	private final List<Event> events = new ArrayList<>();

	private void record(int actor, EventKind kind, String object, Object value) {
		events.add(new Event(events.size(), events.size() * 1000L, actor, kind, object, value, 0, Event.NO_CAUSE));
	}

	@Test
	void aWriteOverAWriteMadeSinceItsReadIsALostUpdate() {
		record(1, EventKind.READ, "total", 0);
		record(2, EventKind.READ, "total", 0);
		record(2, EventKind.WRITE, "total", -1);
		assertThat(ChallengeJudge.won("gil-race", events)).isFalse();
		record(1, EventKind.WRITE, "total", 1);
		assertThat(ChallengeJudge.won("gil-race", events)).isTrue();
	}

	@Test
	void takingTurnsLosesNothing() {
		record(1, EventKind.READ, "total", 0);
		record(1, EventKind.WRITE, "total", 1);
		record(2, EventKind.READ, "total", 1);
		record(2, EventKind.WRITE, "total", 0);
		assertThat(ChallengeJudge.won("gil-race", events)).isFalse();
	}

	@Test
	void theCycleAndTheLostNotify() {
		record(1, EventKind.NOTIFY, "cond", 1);
		assertThat(ChallengeJudge.won("condition-poem", events)).as("a notify that woke someone").isFalse();
		record(1, EventKind.NOTIFY, "cond", 0);
		assertThat(ChallengeJudge.won("condition-poem", events)).isTrue();
		assertThat(ChallengeJudge.won("deadlock", events)).isFalse();
		record(0, EventKind.DEADLOCK, null, Map.of("actors", List.of("A", "B")));
		assertThat(ChallengeJudge.won("deadlock", events)).isTrue();
		assertThat(ChallengeJudge.won("queue", events)).as("a lesson with no challenge").isFalse();
	}

	@Test
	void aStudentKeepsTheirFewestStepsPerLesson() {
		Member member = new Member(1, "t", "Lin", true, "deadlock", true, false, List.of());
		member = member.won("deadlock", 9).won("deadlock", 12).won("gil-race", 4).won("deadlock", 7);
		assertThat(member.wins()).containsExactlyInAnyOrder(new Member.Win("deadlock", 7), new Member.Win("gil-race", 4));
	}

}

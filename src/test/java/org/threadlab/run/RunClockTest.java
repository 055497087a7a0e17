package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lesson time: real time, except that while nothing but timers (sleeps, timed waits) is under way it
 * goes {@code speed} times faster, so a sleep of s seconds spans s lesson seconds at every speed and
 * anything else (a JVM starting, CPU work) the real time it takes. The real times are given, not read,
 * so each figure is exact.
 */
class RunClockTest {

	private static final long S = 1_000_000_000L;

	private final RunClock clock = new RunClock(0, 10);

	@Test
	void withNoTimerLessonTimeIsRealTime() {
		assertThat(clock.lessonAt(3 * S)).isEqualTo(3 * S);
	}

	@Test
	void aSleepOfTwoSecondsSpansTwoLessonSecondsAtSpeedTen() {
		clock.timerStarted(1 * S, 2 * S);
		assertThat(clock.lessonAt(1 * S + S / 10)).isEqualTo(2 * S); // a tenth of the real time
		assertThat(clock.lessonAt(1 * S + S / 5)).isEqualTo(3 * S); // due after 0.2 real seconds
		assertThat(clock.lessonAt(1 * S + 3 * S / 10)).as("then real time again").isEqualTo(3 * S + S / 10);
	}

	@Test
	void twoTimersAtOnceRunTheClockFastUntilTheFirstIsDueAndItsThreadWakesInRealTime() {
		long first = clock.timerStarted(0, 1 * S, 1);
		clock.timerStarted(0, 3 * S, 2);
		assertThat(clock.lessonAt(S / 10)).isEqualTo(1 * S); // the first is due
		assertThat(clock.lessonAt(S / 10 + S / 100)).as("its thread waking up is real time").isEqualTo(1 * S + S / 100);
		clock.busy(S / 10 + S / 100, 1, first, 1); // it wakes: its timer ends, it runs
		clock.busy(S / 10 + 2 * S / 100, -1, -1, 1); // and ends: only the second timer is left
		assertThat(clock.lessonAt(S / 10 + 2 * S / 100 + S / 10)).isEqualTo(2 * S + 2 * S / 100);
		// due after 0.198 real seconds more, then real time again
		assertThat(clock.lessonAt(S / 10 + 2 * S / 100 + 2 * S / 10)).isEqualTo(3 * S + 2 * S / 1000);
	}

	@Test
	void whileAnythingElseRunsBesideASleepLessonTimeIsRealTimeAndTheSleepStillSpansItsSeconds() {
		clock.busy(0, 1, -1, 5); // a JVM starting, CPU work: busy
		clock.timerStarted(0, 2 * S, 1); // another thread sleeps 2 s meanwhile
		assertThat(clock.lessonAt(S / 2)).as("the machinery is drawn as the real time it takes").isEqualTo(S / 2);
		clock.busy(S / 2, -1, -1, 5); // it is done: only the sleep is left, at the speed
		assertThat(clock.lessonAt(S / 2 + S / 10)).isEqualTo(S / 2 + S);
		assertThat(clock.lessonAt(S / 2 + 15 * S / 100)).as("due at 2 lesson seconds, not before").isEqualTo(2 * S);
	}

	@Test
	void frozenLessonTimeStandsStillAndAJumpMovesItToTheNextDueTimer() {
		RunClock live = RunClock.startingNow(10); // freezing reads the real clock
		live.timerStarted(live.realNow(), 3 * S, 7);
		live.timerStarted(live.realNow(), 1 * S, 8);
		live.freeze();
		long frozen = live.now();
		assertThat(live.now()).isEqualTo(frozen);
		RunClock.Jump jump = live.jump();
		assertThat(jump.fromNs()).isEqualTo(frozen);
		assertThat(jump.toNs()).as("the first timer's due time").isBetween(1 * S, 1 * S + S / 10);
		assertThat(jump.woke()).containsExactly(8);
		assertThat(live.now()).as("still frozen, at the jump's end").isEqualTo(jump.toNs());
		assertThat(live.rate()).isZero();
	}

	@Test
	void aFollowingClockTakesItsParentsSegmentsAndReportsItsTimersAndBusySpells() {
		java.util.List<String> told = new java.util.ArrayList<>();
		RunClock child = new RunClock(0, 10);
		child.followParent(new ClockReports() {

			@Override
			public void timerStarted(long realNs, int owner, long id, long due) {
				told.add("timer " + owner + " due " + due);
			}

			@Override
			public void timerEnded(long realNs, int owner, long id) {
				told.add("ended " + owner);
			}

			@Override
			public void busy(long realNs, boolean busy) {
				told.add(busy ? "busy" : "idle");
			}

		});
		child.busy(0, 1, -1, 0); // its main starts: the parent took it for busy already
		long timer = child.timerStarted(0, 2 * S, 0);
		child.busy(0, -1, -1, 0); // and sleeps
		assertThat(child.lessonAt(S)).as("it decides nothing itself").isEqualTo(S);
		child.follow(new ClockSegment(5, false, 0, 0, 2 * S)); // the parent's: fast until the sleep is due
		assertThat(child.lessonAt(S / 10)).isEqualTo(1 * S);
		child.follow(new ClockSegment(4, true, 0, 0, 0)); // an older one is ignored
		assertThat(child.lessonAt(S / 10)).isEqualTo(1 * S);
		child.busy(S / 5, 1, timer, 0);
		assertThat(told).containsExactly("timer 0 due " + 2 * S, "idle", "ended 0", "busy");
	}

	@Test
	void aTimedWaitThatEndsEarlyGivesTheClockBackToRealTime() {
		long timer = clock.timerStarted(0, 5 * S);
		clock.timerEnded(S / 10, timer); // what it waited for came after 1 lesson second
		assertThat(clock.lessonAt(S / 10)).isEqualTo(1 * S);
		assertThat(clock.lessonAt(2 * S / 10)).isEqualTo(1 * S + S / 10);
	}

}

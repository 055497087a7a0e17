package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lesson time: real time, except that while a timer (a sleep, a timed wait) is due to run it goes
 * {@code speed} times faster, so a sleep of s seconds spans s lesson seconds at every speed. The real
 * times are given, not read, so each figure is exact.
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
	void twoTimersAtOnceRunTheClockFastUntilTheLaterIsDue() {
		clock.timerStarted(0, 1 * S);
		clock.timerStarted(0, 3 * S);
		assertThat(clock.lessonAt(S / 5)).isEqualTo(2 * S);
		assertThat(clock.lessonAt(3 * S / 10)).isEqualTo(3 * S);
		assertThat(clock.lessonAt(4 * S / 10)).isEqualTo(3 * S + S / 10);
	}

	@Test
	void aTimedWaitThatEndsEarlyGivesTheClockBackToRealTime() {
		long timer = clock.timerStarted(0, 5 * S);
		clock.timerEnded(S / 10, timer); // what it waited for came after 1 lesson second
		assertThat(clock.lessonAt(S / 10)).isEqualTo(1 * S);
		assertThat(clock.lessonAt(2 * S / 10)).isEqualTo(1 * S + S / 10);
	}

}

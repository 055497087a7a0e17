package org.threadlab.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleTest {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void aGuessingAddressIsSlowedAndOnlyIt() {
		Throttle throttle = new Throttle(3, 3 * SECOND);
		long now = 0;
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.waitNanos("10.0.0.1", now)).isZero();
			throttle.failed("10.0.0.1", now);
		}
		assertThat(throttle.waitNanos("10.0.0.1", now)).as("its burst is spent").isEqualTo(3 * SECOND);
		assertThat(throttle.waitNanos("10.0.0.2", now)).as("another address is not slowed").isZero();
		assertThat(throttle.waitNanos("10.0.0.1", now + 3 * SECOND)).as("one more try, three seconds on").isZero();
		throttle.failed("10.0.0.1", now + 3 * SECOND);
		assertThat(throttle.waitNanos("10.0.0.1", now + 4 * SECOND)).isBetween(2 * SECOND - 1, 2 * SECOND + 1);
	}

	@Test
	void itRemembersABoundedNumberOfAddresses() {
		Throttle throttle = new Throttle(1, SECOND);
		for (int i = 0; i < Throttle.MAX_ADDRESSES + 10; i++) {
			throttle.failed("a" + i, 0);
		}
		assertThat(throttle.waitNanos("a0", 0)).as("forgotten: a full bucket again").isZero();
		assertThat(throttle.waitNanos("a" + (Throttle.MAX_ADDRESSES + 9), 0)).isPositive();
	}

}

package org.threadlab.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * The log of one kind of refusal, which a storm cannot flood: the first refusal is logged in full, and
 * after it at most one line a {@linkplain #PERIOD_NANOS minute}, which says how many more there were
 * meanwhile. Refusals are counted elsewhere (a metric); this only keeps the log readable.
 * <p>
 * Thread-safety: any thread may call {@link #refused}; the counts are atomic, and of two threads that
 * find the minute over, only one logs.
 */
final class RefusalLog {

	static final long PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final Logger log;

	private final String what;

	private final LongSupplier clock;

	private final AtomicLong unlogged = new AtomicLong();

	/** When the last line was logged (System.nanoTime), or Long.MIN_VALUE before the first. */
	private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

	/**
	 * @param what what is refused, as a log line says it: "run sockets", "connections"
	 * @param clock System::nanoTime, or a test's clock
	 */
	RefusalLog(Logger log, String what, LongSupplier clock) {
		this.log = log;
		this.what = what;
		this.clock = clock;
	}

	/** One more refusal, {@code why} (from whom, which limit); logged if it is the first for a minute. */
	void refused(String why) {
		unlogged.incrementAndGet();
		long now = clock.getAsLong();
		long last = lastLogged.get();
		if (last != Long.MIN_VALUE && now - last < PERIOD_NANOS) {
			return;
		}
		if (!lastLogged.compareAndSet(last, now)) {
			return; // another thread logs this minute's line
		}
		long since = unlogged.getAndSet(0);
		if (last == Long.MIN_VALUE) {
			log.warn("refused {}: {}. Further refusals are counted and logged at most once a minute.", what, why);
		}
		else {
			log.warn("refused {} {} in the last {} s; the latest: {}", since, what,
					TimeUnit.NANOSECONDS.toSeconds(now - last), why);
		}
	}

}

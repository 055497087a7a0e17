package org.threadlab.rooms;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows an address that does something too often (guessing room codes, saving runs): each address
 * has a bucket of {@code burst} tries (failed joins; saves) that refills one every {@code refillNanos}; an address with an empty bucket is refused until its next one
 * is due, right code or not. For joins, a right code costs nothing, so a class behind one address that types it
 * is never slowed. At most {@value #MAX_ADDRESSES} addresses are remembered (the least recently seen go
 * first; a forgotten one starts with a full bucket).
 * <p>
 * Thread-safety: any thread; one monitor.
 */
public final class Throttle {

	static final int MAX_ADDRESSES = 10_000;

	private record Bucket(double tokens, long at) {
	}

	private final int burst;

	private final long refillNanos;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

	public Throttle(int burst, long refillNanos) {
		this.burst = burst;
		this.refillNanos = refillNanos;
	}

	/** Nanoseconds until {@code address} may try again; 0 when it may now. */
	public synchronized long waitNanos(String address, long now) {
		Bucket bucket = refilled(address, now);
		return bucket.tokens >= 1 ? 0 : (long) Math.ceil((1 - bucket.tokens) * refillNanos);
	}

	/** {@code address} failed a join: it takes one from its bucket. */
	public synchronized void failed(String address, long now) {
		Bucket bucket = refilled(address, now);
		buckets.put(address, new Bucket(Math.max(0, bucket.tokens - 1), now));
		if (buckets.size() > MAX_ADDRESSES) {
			Iterator<String> oldest = buckets.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
	}

	private Bucket refilled(String address, long now) {
		Bucket bucket = buckets.get(address);
		if (bucket == null) {
			return new Bucket(burst, now);
		}
		double tokens = Math.min(burst, bucket.tokens + (double) (now - bucket.at) / refillNanos);
		return new Bucket(tokens, now);
	}

}

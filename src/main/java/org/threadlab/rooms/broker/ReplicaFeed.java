package org.threadlab.rooms.broker;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.rooms.LiveFeed;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;

/**
 * A room's run held by another server, as this server's followers read it: a copy filled from the run's
 * sequenced messages ({@link Wire.Run}). It keeps the events without a gap: a message that starts past
 * what it holds is refused ({@link #apply} says so, and the caller asks for the rest), one that overlaps
 * adds its new tail. The end shows once every event up to the run's last is here, so that a follower's
 * {@code room-end} comes after all of them, as on the server holding the run.
 * <p>
 * Thread-safety: one writer at a time ({@link #apply} is synchronized: the broker's consumer thread);
 * readers on any thread without a lock: events are written into chunks before {@code kept} (volatile)
 * says they are there, and a grown list of chunks is published before the {@code kept} that needs it.
 */
final class ReplicaFeed implements LiveFeed {

	private static final int CHUNK = 4096;

	private static final PauseGate.Snapshot RUNNING = new PauseGate.Snapshot(false, List.of());

	/** What {@link #apply} made of a message. */
	enum Applied {
		/** Taken (or nothing new in it). */
		TAKEN,
		/** It starts past what is here: the events between are missing. */
		GAP
	}

	private final String origin;

	private final Wire.Started started;

	private volatile Event[][] chunks = new Event[4][];

	private volatile long kept;

	private volatile long lessonNs;

	private volatile double rate;

	private volatile long clockAt = System.nanoTime();

	private volatile long gateVersion;

	private volatile PauseGate.Snapshot gate = RUNNING;

	private volatile Outcome outcome;

	/** A message came past a gap, and no replay has come since: the copy lacks events it knows of. */
	private volatile boolean behind;

	/** When the end showed (System.nanoTime), or 0; when the copy was made. */
	private volatile long endedAt;

	private final long madeAt = System.nanoTime();

	// written under this object's monitor
	private long originGateVersion;

	private Wire.End end;

	ReplicaFeed(String origin, Wire.Started started) {
		this.origin = origin;
		this.started = started;
	}

	/** The server holding the run. */
	String origin() {
		return origin;
	}

	Wire.Started started() {
		return started;
	}

	/** Takes a message of this run in. */
	synchronized Applied apply(Wire.Run message) {
		long from = message.from();
		List<Event> events = message.events();
		if (from > kept) {
			behind = true;
			return Applied.GAP;
		}
		if (message.started() != null) {
			behind = false; // a replay: everything up to the holder's now
		}
		long have = kept;
		for (int i = (int) (have - from); i < events.size(); i++) {
			put(have++, events.get(i));
		}
		lessonNs = message.lessonNs();
		rate = message.rate();
		clockAt = System.nanoTime();
		if (message.gate() != null && message.gate().version() != originGateVersion) {
			originGateVersion = message.gate().version();
			gate = message.gate().snapshot();
			gateVersion++;
		}
		if (message.end() != null) {
			end = message.end();
		}
		kept = have;
		if (end != null && have >= end.total() && outcome == null) {
			outcome = end.outcome();
			endedAt = System.nanoTime();
		}
		return Applied.TAKEN;
	}

	private void put(long seq, Event event) {
		int chunk = (int) (seq / CHUNK);
		Event[][] all = chunks;
		if (chunk >= all.length) {
			all = Arrays.copyOf(all, Math.max(all.length * 2, chunk + 1));
			chunks = all;
		}
		if (all[chunk] == null) {
			all[chunk] = new Event[CHUNK];
		}
		all[chunk][(int) (seq % CHUNK)] = event;
	}

	/** Nanoseconds since the end showed here; -1 while the run goes on. */
	long sinceEnd(long now) {
		return outcome == null ? -1 : now - endedAt;
	}

	/** Nanoseconds since the copy was made. */
	long age(long now) {
		return now - madeAt;
	}

	/** Whether a gap was seen and no replay has filled it since. */
	boolean behind() {
		return behind && outcome == null;
	}

	@Override
	public long runId() {
		return started.runId();
	}

	@Override
	public String scenario() {
		return started.scenario();
	}

	@Override
	public double speed() {
		return started.speed();
	}

	@Override
	public Map<String, Object> params() {
		return started.params();
	}

	@Override
	public Map<String, Object> settings() {
		return started.settings();
	}

	@Override
	public int read(long from, int max, List<Event> into) {
		long until = Math.min(kept, from + max);
		Event[][] all = chunks;
		int read = 0;
		for (long seq = from; seq < until; seq++) {
			into.add(all[(int) (seq / CHUNK)][(int) (seq % CHUNK)]);
			read++;
		}
		return read;
	}

	@Override
	public long kept() {
		return kept;
	}

	@Override
	public long gateVersion() {
		return gateVersion;
	}

	@Override
	public PauseGate.Snapshot gate() {
		return gate;
	}

	@Override
	public Outcome outcome() {
		return outcome;
	}

	@Override
	public long lessonNs() {
		double r = rate;
		return outcome != null ? lessonNs : lessonNs + (long) ((System.nanoTime() - clockAt) * r);
	}

	@Override
	public double rate() {
		return outcome != null ? 0 : rate;
	}

}

package org.threadlab.probe;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.Run;

/**
 * A global number that threads share without a lock, like the tutorial's {@code total}: reading it and
 * writing it are two separate steps, so {@code total += 1} can be torn, and a write can overwrite writes
 * made since its own read — a lost update. It counts lost updates exactly: each value carries how many
 * writes made it, so a write knows how many it overwrote unseen.
 * <p>
 * Each read and write is an event; for an actor made quiet (a loop of millions) the steps still pass
 * the hook — the gate, and the GIL's switch points between bytecodes — but only a sample of the value
 * is recorded, about every {@value #SAMPLE_EVERY_MS} ms per thread.
 * <p>
 * Thread-safety: any actor may call any method; a read or a write is one atomic step, and nothing makes
 * a read and the write after it atomic together — that is the point.
 */
public final class SharedValue {

	static final long SAMPLE_EVERY_MS = 5;

	private record Cell(long value, long writes) {
	}

	private final String name;

	private final Run run;


	private final AtomicReference<Cell> cell;

	private final AtomicLong lost = new AtomicLong();

	private final ThreadLocal<Cell> lastRead = new ThreadLocal<>();

	private final ThreadLocal<long[]> lastSample = ThreadLocal.withInitial(() -> new long[] { Long.MIN_VALUE / 2 });

	private final long sampleNanos;

	public SharedValue(String name, long initial) {
		this.name = name;
		this.cell = new AtomicReference<>(new Cell(initial, 0));
		this.run = Actor.current().run();
		this.sampleNanos = SAMPLE_EVERY_MS * 1_000_000;
		Created.record(name, "value", initial);
	}

	/** One bytecode: LOAD the value. Throws when the run is stopping, so that long loops end. */
	public long read() throws InterruptedException {
		Actor me = Actor.current();
		me.hook().step(me, EventKind.READ, name);
		Cell seen = cell.get();
		lastRead.set(seen);
		me.hook().instantInside(me, EventKind.READ, name, seen.value(), Event.NO_CAUSE);
		return seen.value();
	}

	/** One bytecode: STORE the value, over whatever is there now. */
	public void write(long value) throws InterruptedException {
		Actor me = Actor.current();
		me.hook().step(me, EventKind.WRITE, name);
		Cell read = lastRead.get();
		Cell before = cell.getAndUpdate(now -> new Cell(value, now.writes() + 1));
		if (read != null) {
			lost.addAndGet(before.writes() - read.writes());
		}
		if (me.isQuiet()) {
			sample(me, value);
		}
		else {
			me.hook().instantInside(me, EventKind.WRITE, name, value, Event.NO_CAUSE);
		}
	}

	private void sample(Actor me, long value) {
		long[] last = lastSample.get();
		long now = run.clock().now();
		if (now - last[0] >= sampleNanos) {
			last[0] = now;
			run.recorder().record(now, me.id(), EventKind.WRITE, name, value, 0, Event.NO_CAUSE);
		}
	}

	/** The value now, read by a thread of the run (main's print(total)): recorded as a read. */
	public long value() {
		Actor me = Actor.current();
		long value = cell.get().value();
		me.hook().instantInside(me, EventKind.READ, name, value, Event.NO_CAUSE);
		return value;
	}

	/** Writes that another thread's stale write overwrote: the updates lost. Exact. */
	public long lostUpdates() {
		return lost.get();
	}

	/** All writes so far. */
	public long writes() {
		return cell.get().writes();
	}

	public String name() {
		return name;
	}

}

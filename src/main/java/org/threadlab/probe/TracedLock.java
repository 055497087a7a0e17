package org.threadlab.probe;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.run.Run;
import org.threadlab.run.Taking;
import org.threadlab.builtins.PyRuntimeError;

/**
 * Python's {@code threading.Lock} on a real {@link Semaphore} of one permit: not reentrant (a second
 * acquire by the holder really blocks, and the watchdog reports the self-deadlock), releasable by any
 * thread, and {@code release()} of an unlocked lock is refused as Python refuses it.
 * Events: ACQUIRE before the real call, ACQUIRED after it (caused by the RELEASE that let it through),
 * RELEASE before the real release. A free lock is taken at once; only a busy one makes the thread
 * block, dropping the GIL, as CPython's acquire does.
 * <p>
 * Thread-safety: any actor of the run may call any method. The holder seen by the watchdog is changed
 * under the watchdog's lock.
 */
public final class TracedLock implements LockLike {

	private final String name;

	private final Run run;

	private final Semaphore permit = new Semaphore(1);

	private volatile Actor holder;

	/** Whether it is locked as Python sees it: set after the real acquire, cleared before the real release. */
	private final AtomicBoolean locked = new AtomicBoolean();

	private final Blocker blocker = new Blocker() {

		@Override
		public String name() {
			return name;
		}

		@Override
		public boolean canProceed(Actor waiter) {
			return holder == null;
		}

		@Override
		public List<Actor> holders() {
			Actor h = holder;
			return h == null ? List.of() : List.of(h);
		}

		@Override
		public boolean anyoneMayRelease() {
			return true; // a plain Lock has no owner
		}

	};

	private final Acquiring acquiring;

	public TracedLock(String name) {
		this.name = name;
		this.run = Actor.current().run();
		this.acquiring = new Acquiring(name, blocker, new Taking(permit::tryAcquire, permit::acquire,
				nanos -> permit.tryAcquire(nanos, TimeUnit.NANOSECONDS)));
		Created.record(name, "lock", 1);
	}

	@Override
	public String name() {
		return name;
	}

	/** {@code lock.acquire()}: waits as long as it takes. */
	@Override
	public void acquire() throws InterruptedException {
		acquire(true, -1);
	}

	/** {@code lock.acquire(blocking, timeout)}: false when not blocking and busy, or when the timeout ran out. */
	public boolean acquire(boolean blocking, double timeoutSeconds) throws InterruptedException {
		return acquiring.acquire(timeoutSeconds < 0 ? null : timeoutSeconds, blocking, timeoutSeconds, true, me -> {
			locked.set(true);
			holder = me;
			return null;
		});
	}

	/** {@code lock.release()}: any thread may release a locked Lock; an unlocked one is refused. */
	@Override
	public void release() {
		Actor me = Actor.current();
		acquiring.prepareRelease(me);
		if (!locked.compareAndSet(true, false)) {
			throw new PyRuntimeError("release unlocked lock");
		}
		run.watchdog().change(() -> holder = null);
		acquiring.released(me, null, true);
		permit.release();
	}

	/** {@code with lock:} as a try-with-resources block. */
	public Held hold() throws InterruptedException {
		acquire();
		return this::release;
	}

	/** As CPython's Condition asks of a plain Lock: only whether it is locked (a Lock has no owner). */
	@Override
	public boolean isOwnedBy(Actor actor) {
		return locked.get();
	}

	public boolean locked() {
		return locked.get();
	}

	@Override
	public int releaseSave() {
		release();
		return 1;
	}

	@Override
	public void acquireRestore(int saved) throws InterruptedException {
		acquire();
	}

}

package org.threadlab.probe;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.run.Actor;
import org.threadlab.run.Blocker;
import org.threadlab.run.Run;
import org.threadlab.run.Taking;
import org.threadlab.builtins.PyRuntimeError;

/**
 * Python's {@code threading.RLock} on a real {@link ReentrantLock}: its owner may take it again, each
 * acquire counted and each release undoing one; the hold count rides on ACQUIRED and RELEASE. A release
 * by a thread that does not own it is refused as Python refuses it.
 * <p>
 * Thread-safety: any actor of the run may call any method. The owner seen by the watchdog is changed
 * under the watchdog's lock.
 */
public final class TracedRLock implements LockLike {

	private final String name;

	private final Run run;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile Actor owner;

	private final Blocker blocker = new Blocker() {

		@Override
		public String name() {
			return name;
		}

		@Override
		public boolean canProceed(Actor waiter) {
			Actor o = owner;
			return o == null || o == waiter;
		}

		@Override
		public List<Actor> holders() {
			Actor o = owner;
			return o == null ? List.of() : List.of(o);
		}

	};

	private final Acquiring acquiring;

	public TracedRLock(String name) {
		this.name = name;
		this.run = Actor.current().run();
		this.acquiring = new Acquiring(name, blocker, new Taking(lock::tryLock, lock::lockInterruptibly,
				nanos -> lock.tryLock(nanos, TimeUnit.NANOSECONDS)));
		Created.record(name, "rlock", 1);
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public void acquire() throws InterruptedException {
		acquire(true, -1);
	}

	public boolean acquire(boolean blocking, double timeoutSeconds) throws InterruptedException {
		long held = lock.getHoldCount();
		// free or already ours: taken at once, without letting go of the GIL; only a first take follows a release
		return acquiring.acquire(held, blocking, timeoutSeconds, held == 0, me -> {
			owner = me;
			return (long) lock.getHoldCount();
		});
	}

	@Override
	public void release() {
		Actor me = Actor.current();
		if (!lock.isHeldByCurrentThread()) {
			throw new PyRuntimeError("cannot release un-acquired lock");
		}
		acquiring.prepareRelease(me);
		int left = lock.getHoldCount() - 1;
		if (left == 0) {
			run.watchdog().change(() -> owner = null);
		}
		acquiring.released(me, (long) left, left == 0);
		lock.unlock();
	}

	/** {@code with rlock:} as a try-with-resources block. */
	public Held hold() throws InterruptedException {
		acquire();
		return this::release;
	}


	@Override
	public boolean isOwnedBy(Actor actor) {
		return owner == actor;
	}

	@Override
	public int releaseSave() {
		int count = lock.getHoldCount();
		for (int i = 0; i < count; i++) {
			release();
		}
		return count;
	}

	@Override
	public void acquireRestore(int saved) throws InterruptedException {
		for (int i = 0; i < saved; i++) {
			acquire();
		}
	}

}

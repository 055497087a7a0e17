package org.threadlab.scenario.sync;

import static org.threadlab.probe.Py.print;

import java.util.List;
import java.util.Map;

import org.threadlab.probe.LockLike;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedRLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/** Tutorial §4.1: an RLock's owner may take it again; a plain Lock taken twice blocks its own thread. */
public final class RLockScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.flag("plainLock", false));

	// ---- the program ----

	static void add(LockLike lock) throws InterruptedException {
		lock.acquire(); // @acquire1
		print("acquired once"); // @once
		lock.acquire(); // an RLock counts 2 here; a plain Lock waits here for itself, for ever // @acquire2
		print("acquired twice"); // @twice
		lock.release(); // @release1
		lock.release(); // as many releases as acquires // @release2
		print("released twice"); // @released
	}

	static void main(Params p) throws InterruptedException {
		LockLike lock = p.flag("plainLock") ? new TracedLock("lock") : new TracedRLock("lock"); // @lock
		var thread = new TracedThread("Thread-1 (add)", false, () -> add(lock)); // @thread
		thread.start(); // @start
		thread.join(); // @join
	}

	// ---- how ThreadLab runs it ----

	public RLockScenario() {
		super(lesson("rlock", PARAMETERS, RLockScenario::main)
			.variant("rlock", Map.of("plainLock", false))
			.variant("lock", Map.of("plainLock", true))
			// main and one thread
			.cost(waiting(2)));
	}

}

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

/**: about */
public final class RLockScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.flag("plainLock", false));

	//: the-program

	static void add(LockLike lock) throws InterruptedException {
		lock.acquire(); // @acquire1
		print("acquired once"); // @once
		lock.acquire(); //: counts-or-waits // @acquire2
		print("acquired twice"); // @twice
		lock.release(); // @release1
		lock.release(); //: as-many // @release2
		print("released twice"); // @released
	}

	static void main(Params p) throws InterruptedException {
		LockLike lock = p.flag("plainLock") ? new TracedLock("lock") : new TracedRLock("lock"); // @lock
		var thread = new TracedThread("Thread-1 (add)", false, () -> add(lock)); // @thread
		thread.start(); // @start
		thread.join(); // @join
	}

	//: how-threadlab-runs-it

	public RLockScenario() {
		super(lesson("rlock", PARAMETERS, RLockScenario::main)
			.variant("rlock", Map.of("plainLock", false))
			.variant("lock", Map.of("plainLock", true))
			//: cost
			.cost(waiting(2)));
	}

}

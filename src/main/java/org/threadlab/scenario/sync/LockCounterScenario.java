package org.threadlab.scenario.sync;

import static org.threadlab.probe.Py.backEdge;
import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.quiet;
import static org.threadlab.probe.Py.time;

import java.util.List;
import java.util.Map;

import org.threadlab.probe.SharedValue;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class LockCounterScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer("n", 1_000_000, 1, 5_000_000));

	static final long DRAWN_STEP_BY_STEP = 50;

	//: the-program

	static void add(SharedValue total, TracedLock lock, long n) throws InterruptedException {
		quiet(n > DRAWN_STEP_BY_STEP);
		for (long i = 0; i < n; i++) {
			lock.acquire(); // @add-with
			total.write(total.read() + 1); //: nobody-between // @add
			lock.release(); // @add-with
			backEdge(); // @add-loop
		}
	}

	static void desc(SharedValue total, TracedLock lock, long n) throws InterruptedException {
		quiet(n > DRAWN_STEP_BY_STEP);
		for (long i = 0; i < n; i++) {
			lock.acquire(); // @desc-with
			total.write(total.read() - 1); // @desc
			lock.release(); // @desc-with
			backEdge(); // @desc-loop
		}
	}

	static void main(Params p) throws InterruptedException {
		var total = new SharedValue("total", 0); // @total
		var lock = new TracedLock("lock"); // @lock
		long n = p.integer("n");
		var thread1 = new TracedThread("Thread-1 (add)", false, () -> add(total, lock, n)); // @thread1
		var thread2 = new TracedThread("Thread-2 (desc)", false, () -> desc(total, lock, n)); // @thread2
		double start = time(); // @start
		thread1.start(); // @start1
		thread2.start(); // @start2
		thread1.join(); // @join1
		thread2.join(); // @join2
		print(total.value()); // @print-total
		print("lost updates: " + total.lostUpdates()); // @print-total
		print(String.format("last time: %.3f", time() - start)); // @last-time
	}

	//: how-threadlab-runs-it

	public LockCounterScenario() {
		super(lesson("lock-counter", PARAMETERS, LockCounterScenario::main)
			.variant("small", Map.of("n", 5))
			.variant("tutorial", Map.of("n", 1_000_000))
			//: cost
			.cost(p -> waiting(3).computing(p.integer("n") >= BUSY_STEPS ? 2 : 0)));
	}

}

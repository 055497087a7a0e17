package org.threadlab.scenario.sync;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class DeadlockScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("pause", 0.1, 0, 2),
			ParameterSpec.flag("sameOrder", false));

	//: the-program

	static void takeBoth(TracedLock first, TracedLock second, double pause) throws InterruptedException {
		first.acquire(); // @first
		print("took", first.name()); // @took-first
		sleep(pause); //: pause // @pause
		second.acquire(); //: opposite-orders // @second
		print("took", second.name()); // @took-second
		second.release(); // @second
		first.release(); // @first
	}

	static void main(Params p) throws InterruptedException {
		var a = new TracedLock("a"); // @a
		var b = new TracedLock("b"); // @b
		double pause = p.decimal("pause");

		var threadA = new TracedThread("A", false, () -> takeBoth(a, b, pause)); // @thread-a
		var threadB = p.flag("sameOrder")
				? new TracedThread("B", false, () -> takeBoth(a, b, pause)) //: the-fix // @thread-b
				: new TracedThread("B", false, () -> takeBoth(b, a, pause)); // @thread-b
		threadA.start(); // @start-a
		threadB.start(); // @start-b
		threadA.join(); // @join-a
		threadB.join(); // @join-b
		print("both done"); // @both-done
	}

	//: how-threadlab-runs-it

	public DeadlockScenario() {
		super(lesson("deadlock", PARAMETERS, DeadlockScenario::main)
			.variant("opposite", Map.of("sameOrder", false))
			.variant("same", Map.of("sameOrder", true))
			//: cost
			.cost(waiting(3)));
	}

}

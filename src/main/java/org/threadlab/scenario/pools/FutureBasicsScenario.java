package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.builtins.PyValueError;
import org.threadlab.builtins.PyException;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class FutureBasicsScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.flag("thirdTask", false),
			ParameterSpec.flag("raises", false));

	//: the-program

	static long getHtml(long times) throws InterruptedException {
		sleep(times); // @get-html-sleep
		print("get page " + times + " success"); // @get-html-print
		return times;
	}

	/**: broken-page */
	static long brokenPage(long times) throws InterruptedException {
		sleep(times); // @broken-sleep
		throw new PyValueError("page " + times + " failed");
	}

	static void main(Params p) throws Exception {
		try (var executor = new TracedExecutor(2)) { // @pool
			//: submit-java
			TracedFuture<Long> task1 = executor.submit("get_html(3)", () -> getHtml(3)); // @task1
			TracedFuture<Long> task2 = p.flag("raises")
					? executor.submit("broken_page(2)", () -> brokenPage(2)) // @task2
					: executor.submit("get_html(2)", () -> getHtml(2)); // @task2
			TracedFuture<Long> task3 = p.flag("thirdTask") ? executor.submit("get_html(4)", () -> getHtml(4)) : null; // @task3

			sleep(0.2); //: pause-java // @pause
			print("task1 done:", task1.done()); // @done1
			print("task2 cancelled:", task2.cancel()); //: already-running // @cancel2
			if (task3 != null) {
				print("task3 cancelled:", task3.cancel()); //: still-queued // @cancel3
			}
			sleep(3.5); //: race-java // @wait
			print("task1 done:", task1.done()); // @done1-again
			print("task1 result:", task1.result()); // @result1
			try {
				print("task2 result:", task2.result()); // @result2
			}
			catch (TracedFuture.CancelledError cancelled) {
				print("task2 was cancelled before it started");
			}
			catch (PyException raised) {
				print("task2 raised:", raised); //: raised-here-java // @raised
			}
		} // @pool
	}

	//: how-threadlab-runs-it

	public FutureBasicsScenario() {
		super(lesson("future-basics", PARAMETERS, FutureBasicsScenario::main)
			.variant("tutorial", Map.of("thirdTask", false, "raises", false))
			.variant("queued", Map.of("thirdTask", true, "raises", false))
			.variant("raises", Map.of("thirdTask", false, "raises", true))
			//: cost
			.cost(waiting(3)));
	}

}

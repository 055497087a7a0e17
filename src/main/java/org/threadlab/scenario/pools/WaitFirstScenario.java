package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.ArrayList;
import java.util.List;

import org.threadlab.futures.Futures;
import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class WaitFirstScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.flag("allCompleted", false));

	//: the-program

	static long getHtml(long times) throws InterruptedException {
		sleep(times); // @get-html-sleep
		print("get page " + times + " success"); // @get-html-print
		return times;
	}

	static void main(Params p) throws Exception {
		try (var executor = new TracedExecutor(2)) { // @pool
			List<TracedFuture<Long>> allTask = new ArrayList<>();
			for (long url : List.of(3L, 2L, 4L)) {
				allTask.add(executor.submit("get_html(" + url + ")", () -> getHtml(url))); // @submit
			}
			var returnWhen = p.flag("allCompleted") ? Futures.ReturnWhen.ALL_COMPLETED : Futures.ReturnWhen.FIRST_COMPLETED;
			var doneAndNotDone = Futures.wait(allTask, returnWhen); // @wait
			print("main", "done:", doneAndNotDone.done().size(), "not done:", doneAndNotDone.notDone().size()); // @print
		} //: shutdown-java // @pool
	}

	//: how-threadlab-runs-it

	public WaitFirstScenario() {
		super(lesson("wait-first", PARAMETERS, WaitFirstScenario::main)
			//: cost
			.cost(waiting(3)));
	}

}

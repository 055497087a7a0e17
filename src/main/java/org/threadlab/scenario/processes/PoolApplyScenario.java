package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.multiprocessing.pool.AsyncResult;
import org.threadlab.builtins.MpTimeoutError;
import org.threadlab.multiprocessing.pool.Pool;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**: about */
public final class PoolApplyScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("processes", 2, 1, 4),
			ParameterSpec.integer("seconds", 3, 1, 10),
			ParameterSpec.flag("getTimeout", false));

	//: the-program

	static long getHtml(long n) throws InterruptedException {
		sleep(n); // @get-html-sleep
		print("sub_progress success"); // @get-html-print
		return n;
	}

	static void main(Params p) throws Exception {
		var pool = new Pool((int) p.integer("processes")); //: workers-start // @pool
		long n = p.integer("seconds");
		AsyncResult<Long> result = pool.applyAsync("get_html(" + n + ")", () -> getHtml(n)); //: returns-at-once // @apply-async
		print("ready:", result.ready()); // @ready
		if (p.flag("getTimeout")) {
			try {
				result.get(1); // @get-timeout
			}
			catch (MpTimeoutError timedOut) {
				print("not ready after 1 s"); // @timed-out
			}
		}
		pool.close(); //: close // @close
		pool.join(); //: join // @join
		print("ready:", result.ready(), "successful:", result.successful()); // @successful
		print(result.get()); // @get
	}

	//: how-threadlab-runs-it

	public PoolApplyScenario() {
		super(lesson("pool-apply", PARAMETERS, PoolApplyScenario::main)
			.variant("tutorial", Map.of("processes", 2, "seconds", 3, "getTimeout", false))
			.variant("timeout", Map.of("processes", 2, "seconds", 3, "getTimeout", true))
			//: cost
			.cost(p -> waiting(4 + (int) p.integer("processes")).withProcesses((int) p.integer("processes"))));
	}

}

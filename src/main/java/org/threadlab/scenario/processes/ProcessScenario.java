package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/** Tutorial §6.4: multiprocessing.Process, by target or by subclass; no pid before start, a real one after. */
public final class ProcessScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("sleepSeconds", 2, 0, 10),
			ParameterSpec.flag("subclass", false));

	// ---- the program ----

	static long getHtml(double n) throws InterruptedException {
		sleep(n); // @sleep
		print("sub_progress success"); // @success
		return (long) n;
	}

	/** The same process by subclassing, as a Thread can be subclassed. */
	static final class GetHtmlProcess extends PyProcess {

		private final double n;

		GetHtmlProcess(double n) {
			super(); // @super
			this.n = n;
		}

		@Override
		protected void run() throws InterruptedException {
			sleep(n); // @sleep
			print("sub_progress success"); // @success
		}

	}

	static void main(Params p) throws Exception {
		double n = p.decimal("sleepSeconds");
		PyProcess progress = p.flag("subclass") ? new GetHtmlProcess(n) // @make
				: new PyProcess(() -> getHtml(n)); // @make
		print(progress.pid()); // None: no process yet // @pid-before
		progress.start(); // @start
		print(progress.pid()); // the child's real pid // @pid-after
		progress.join(); // @join
		print("main progress end"); // @end
	}

	// ---- how ThreadLab runs it ----

	public ProcessScenario() {
		super(lesson("process", PARAMETERS, ProcessScenario::main)
			.variant("target", Map.of("subclass", false))
			.variant("subclass", Map.of("subclass", true))
			// main and the reader of its child's pipe; the child
			.cost(waiting(2).withProcesses(1)));
	}

}

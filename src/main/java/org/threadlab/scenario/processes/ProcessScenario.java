package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**: about */
public final class ProcessScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("sleepSeconds", 2, 0, 10),
			ParameterSpec.flag("subclass", false));

	//: the-program

	static long getHtml(double n) throws InterruptedException {
		sleep(n); // @sleep
		print("sub_progress success"); // @success
		return (long) n;
	}

	/**: subclass */
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
		print(progress.pid()); //: no-process-yet // @pid-before
		progress.start(); // @start
		print(progress.pid()); //: real-pid // @pid-after
		progress.join(); // @join
		print("main progress end"); // @end
	}

	//: how-threadlab-runs-it

	public ProcessScenario() {
		super(lesson("process", PARAMETERS, ProcessScenario::main)
			.variant("target", Map.of("subclass", false))
			.variant("subclass", Map.of("subclass", true))
			//: cost
			.cost(waiting(2).withProcesses(1)));
	}

}

package org.threadlab.scenario.threads;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;
import static org.threadlab.probe.Py.time;

import java.util.List;
import java.util.Map;

import org.threadlab.probe.TracedThread;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.multiprocessing.PyTarget;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class ThreadTargetScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("htmlSeconds", 2, 0.1, 10),
			ParameterSpec.decimal("urlSeconds", 4, 0.1, 10),
			ParameterSpec.flag("join", true),
			ParameterSpec.flag("daemon", false));

	//: the-program-mirrors

	static void getDetailHtml(double seconds) throws InterruptedException {
		print("get detail html started"); // @html-started
		sleep(seconds); // @html-sleep
		print("get detail html end"); // @html-end
	}

	static void getDetailUrl(double seconds) throws InterruptedException {
		print("get detail url started"); // @url-started
		sleep(seconds); // @url-sleep
		print("get detail url end"); // @url-end
	}

	static void main(Params p) throws InterruptedException {
		//: target-later
		var thread1 = new TracedThread("Thread-1 (get_detail_html)", p.flag("daemon"), // @thread1
				() -> getDetailHtml(p.decimal("htmlSeconds")));
		var thread2 = new TracedThread("Thread-2 (get_detail_url)", p.flag("daemon"), // @thread2
				() -> getDetailUrl(p.decimal("urlSeconds")));

		double startTime = time();
		thread1.start(); // @start1
		thread2.start(); // @start2

		if (p.flag("join")) {
			//: max-not-sum
			thread1.join(); // @join1
			thread2.join(); // @join2
		}
		print(String.format("last time: %.2f", time() - startTime)); // @last-time
	}

	//: how-threadlab-runs-it

	public ThreadTargetScenario() {
		super(lesson("thread-target", PARAMETERS, ThreadTargetScenario::launch)
			.variant("join", Map.of("join", true, "daemon", false))
			.variant("daemon", Map.of("join", false, "daemon", true))
			.variant("no-join", Map.of("join", false, "daemon", false))
			.mainName(p -> p.flag("daemon") ? "launcher" : "main")
			//: cost.1
			//: cost.2
			.cost(p -> p.flag("daemon") ? waiting(2).withProcesses(1) : waiting(3)));
	}

	static void launch(Params params) throws Exception {
		if (!params.flag("daemon")) {
			main(params);
			return;
		}
		//: own-process.1
		//: own-process.2
		Map<String, String> args = params.asStrings();
		PyTarget wholeScript = () -> runScript(args);
		PyProcess script = new PyProcess("main", wholeScript); // @script
		script.start(); // @script
		script.join(); // @script
	}

	/**: run-script */
	private static void runScript(Map<String, String> args) throws InterruptedException {
		main(Params.parse(PARAMETERS, args));
	}

}

package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;
import static org.threadlab.multiprocessing.Os.fork;
import static org.threadlab.multiprocessing.Os.getpid;
import static org.threadlab.multiprocessing.Os.getppid;

import java.util.List;
import java.util.Map;

import org.threadlab.multiprocessing.Os;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.multiprocessing.PyTarget;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**
 *: about.1
 *: about.2
 */
public final class ForkScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("sleepSeconds", 2, 0, 10),
			ParameterSpec.flag("parentExitsFirst", false));

	//: the-program-script

	/**
	 *: after-fork.1
	 *: after-fork.2
	 *: after-fork.3
	 */
	static void afterFork(long pid, double sleepSeconds, boolean parentExitsFirst) throws InterruptedException {
		print("bobby"); //: both-print // @bobby
		if (pid == 0) { // @if-child
			print("child " + getpid() + ", its parent is " + getppid()); // @child
			if (parentExitsFirst) {
				sleep(sleepSeconds); //: parent-exits // @child-sleep
				print("child " + getpid() + ", adopted by " + getppid()); //: not-stuck // @adopted
			}
		}
		else {
			print("parent of " + pid); // @parent
		}
		if (!parentExitsFirst) {
			sleep(sleepSeconds); // @sleep
		}
	}

	static void main(double sleepSeconds, boolean parentExitsFirst) throws Exception {
		long pid = fork(child -> afterFork(child, sleepSeconds, parentExitsFirst)); // @fork
		afterFork(pid, sleepSeconds, parentExitsFirst);
	}

	//: how-threadlab-runs-it

	public ForkScenario() {
		super(lesson("fork", PARAMETERS, ForkScenario::launch)
			.variant("tutorial", Map.of("parentExitsFirst", false, "sleepSeconds", 2))
			.variant("parent-exits-first", Map.of("parentExitsFirst", true, "sleepSeconds", 1))
			.mainName("launcher")
			//: cost
			.cost(waiting(3).withProcesses(2)));
	}

	/**
	 *: launch.1
	 *: launch.2
	 */
	static void launch(Params params) throws Exception {
		Os.allowForking();
		double sleepSeconds = params.decimal("sleepSeconds");
		boolean parentExitsFirst = params.flag("parentExitsFirst");
		PyTarget script = () -> main(sleepSeconds, parentExitsFirst);
		PyProcess python = new PyProcess("main", script); // @script
		python.start(); // @script
		python.join(); // @script
	}

}

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
 * Tutorial §6.3: fork makes a second process that goes on from the fork point; both print the line after
 * it; a child whose parent has exited is adopted, not stuck.
 */
public final class ForkScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("sleepSeconds", 2, 0, 10),
			ParameterSpec.flag("parentExitsFirst", false));

	// ---- the program: the script, in a process of its own ----

	/**
	 * The code after the fork point, which both processes run: pid is 0 in the child, the child's pid in
	 * the parent. (A real fork goes on in the middle of the script; a JVM cannot fork, so the rest of the
	 * script is this method, which the new process runs from its start.)
	 */
	static void afterFork(long pid, double sleepSeconds, boolean parentExitsFirst) throws InterruptedException {
		print("bobby"); // both processes print this line // @bobby
		if (pid == 0) { // @if-child
			print("child " + getpid() + ", its parent is " + getppid()); // @child
			if (parentExitsFirst) {
				sleep(sleepSeconds); // meanwhile the parent exits // @child-sleep
				print("child " + getpid() + ", adopted by " + getppid()); // not stuck: adopted // @adopted
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

	// ---- how ThreadLab runs it ----

	public ForkScenario() {
		super(lesson("fork", PARAMETERS, ForkScenario::launch)
			.variant("tutorial", Map.of("parentExitsFirst", false, "sleepSeconds", 2))
			.variant("parent-exits-first", Map.of("parentExitsFirst", true, "sleepSeconds", 1))
			.mainName("launcher")
			// the launcher and its pipe reader; the script's process and the one it forks, each read by one more
			.cost(waiting(3).withProcesses(2)));
	}

	/**
	 * The script runs as a process of its own (a child JVM), so that the parent that forks is a process
	 * that really exits, and its child really gets adopted.
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

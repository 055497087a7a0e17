package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.manager.AcquirerProxy;
import org.threadlab.manager.DictProxy;
import org.threadlab.manager.Manager;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**
 *: about.1
 *: about.2
 */
public final class ManagerDictScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.flag("counter", false),
			ParameterSpec.flag("lock", false),
			ParameterSpec.integer("times", 3, 1, 10),
			ParameterSpec.decimal("workSeconds", 1, 0, 2));

	//: the-program-mirrors

	static void addData(DictProxy pDict, String key, int value) throws InterruptedException {
		pDict.setItem(key, value); //: one-request // @set
	}

	static void addOne(DictProxy pDict, AcquirerProxy lock, long times, double work) throws InterruptedException {
		for (int i = 0; i < times; i++) {
			if (lock != null) {
				try (var held = lock.hold()) { //: waits-here // @with-lock
					int value = (Integer) pDict.getItem("count"); //: read // @read
					sleep(work); //: work // @work
					pDict.setItem("count", value + 1); //: write // @write
				} //: release-request // @with-lock
			}
			else {
				int value = (Integer) pDict.getItem("count"); //: read // @read
				sleep(work); //: work // @work
				pDict.setItem("count", value + 1); //: write // @write
			}
		}
	}

	/**: two-keys */
	static void twoKeys() throws InterruptedException {
		var progressDict = Manager.start().dict("progress_dict"); // @dict
		var firstProgress = new PyProcess(() -> addData(progressDict, "bobby1", 22)); // @first
		var secondProgress = new PyProcess(() -> addData(progressDict, "bobby2", 23)); // @second
		firstProgress.start(); // @start1
		secondProgress.start(); // @start2
		firstProgress.join(); // @join1
		secondProgress.join(); // @join2
		print(progressDict); // @print
	}

	/**: one-counter */
	static void oneCounter(boolean locked, long times, double work) throws InterruptedException {
		var manager = Manager.start(); // @manager
		var progressDict = manager.dict("progress_dict"); // @dict
		var lock = locked ? manager.lock("lock") : null; //: lock-in-manager // @lock
		progressDict.setItem("count", 0); // @count
		var firstProgress = new PyProcess(() -> addOne(progressDict, lock, times, work)); // @first
		var secondProgress = new PyProcess(() -> addOne(progressDict, lock, times, work)); // @second
		firstProgress.start(); // @start1
		secondProgress.start(); // @start2
		firstProgress.join(); // @join1
		secondProgress.join(); // @join2
		print(progressDict); // @print
	}

	static void main(Params p) throws InterruptedException {
		if (p.flag("counter")) {
			oneCounter(p.flag("lock"), p.integer("times"), p.decimal("workSeconds"));
		}
		else {
			twoKeys();
		}
	}

	//: how-threadlab-runs-it

	public ManagerDictScenario() {
		super(lesson("manager-dict", PARAMETERS, ManagerDictScenario::main)
			.variant("tutorial", Map.of("counter", false, "lock", false))
			.variant("lost-update", Map.of("counter", true, "lock", false))
			.variant("with-lock", Map.of("counter", true, "lock", true))
			//: cost
			.cost(waiting(4).withProcesses(3)));
	}

}

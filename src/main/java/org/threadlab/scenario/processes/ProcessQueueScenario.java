package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.threadlab.ipc.ProcessQueue;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**: about */
public final class ProcessQueueScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("maxsize", 10, 1, 100),
			ParameterSpec.decimal("seconds", 2, 0, 10),
			ParameterSpec.flag("consumerSleeps", true),
			ParameterSpec.flag("globals", false));

	//: the-program-mirrors

	/**: global-java */
	static final List<Object> SHARED = new ArrayList<>(); // @global

	static void producer(ProcessQueue queue, double seconds, boolean globals) throws InterruptedException {
		if (globals) {
			SHARED.add("a"); //: this-copy-only // @append
		}
		queue.put("a"); // @put
		sleep(seconds); // @producer-sleep
	}

	static void consumer(ProcessQueue queue, double seconds, boolean sleeps, boolean globals) throws InterruptedException {
		if (sleeps) {
			sleep(seconds); // @consumer-sleep
		}
		Object data = queue.get(); //: waits // @get
		if (globals) {
			print(data, SHARED); // @print
		}
		else {
			print(data); // @print
		}
	}

	static void main(Params p) throws InterruptedException {
		double seconds = p.decimal("seconds");
		boolean sleeps = p.flag("consumerSleeps");
		boolean globals = p.flag("globals");
		var queue = new ProcessQueue("queue", (int) p.integer("maxsize")); // @queue
		var myProducer = new PyProcess(() -> producer(queue, seconds, globals)); // @producer
		var myConsumer = new PyProcess(() -> consumer(queue, seconds, sleeps, globals)); // @consumer
		myProducer.start(); // @start-producer
		myConsumer.start(); // @start-consumer
		myProducer.join(); // @join-producer
		myConsumer.join(); // @join-consumer
		if (globals) {
			print("main sees", SHARED); // @main-sees
		}
	}

	//: how-threadlab-runs-it

	public ProcessQueueScenario() {
		super(lesson("process-queue", PARAMETERS, ProcessQueueScenario::main)
			.variant("tutorial", Map.of("consumerSleeps", true, "globals", false))
			.variant("no-sleep", Map.of("consumerSleeps", false, "globals", false))
			.variant("globals", Map.of("consumerSleeps", true, "globals", true))
			//: cost
			.cost(waiting(3).withProcesses(2)));
	}

}

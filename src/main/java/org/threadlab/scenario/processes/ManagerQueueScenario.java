package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.ipc.ProcessQueue;
import org.threadlab.ipc.SharedQueue;
import org.threadlab.manager.Manager;
import org.threadlab.multiprocessing.pool.AsyncResult;
import org.threadlab.multiprocessing.pool.Pool;
import org.threadlab.builtins.PyRuntimeError;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**
 *: about.1
 *: about.2
 *: about.3
 */
public final class ManagerQueueScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.flag("managed", true),
			ParameterSpec.flag("askResults", false),
			ParameterSpec.integer("maxsize", 10, 1, 100),
			ParameterSpec.decimal("seconds", 2, 0, 10));

	//: the-program-mirrors

	static void producer(SharedQueue queue, double seconds) throws InterruptedException {
		queue.put("a"); // @put
		sleep(seconds); // @producer-sleep
	}

	static void consumer(SharedQueue queue, double seconds) throws InterruptedException {
		sleep(seconds); // @consumer-sleep
		Object data = queue.get(); // @get
		print(data); // @print
	}

	static void main(Params p) throws Exception {
		double seconds = p.decimal("seconds");
		int maxsize = (int) p.integer("maxsize");
		SharedQueue queue;
		if (p.flag("managed")) {
			queue = Manager.start().queue("queue", maxsize); //: proxy // @queue
		}
		else {
			queue = new ProcessQueue("queue", maxsize); //: plain-queue // @queue
		}
		var pool = new Pool(2); // @pool
		AsyncResult<Object> producerResult = pool.applyAsync("producer(queue)", () -> { producer(queue, seconds); return null; }); // @apply-producer
		AsyncResult<Object> consumerResult = pool.applyAsync("consumer(queue)", () -> { consumer(queue, seconds); return null; }); // @apply-consumer
		pool.close(); // @close
		pool.join(); // @join
		if (p.flag("askResults")) {
			print("ready:", producerResult.ready(), "successful:", producerResult.successful()); // @successful
			try {
				producerResult.get(); //: raised-at-last // @result-get
				consumerResult.get(); // @result-get-consumer
			}
			catch (PyRuntimeError error) { // @except
				print("RuntimeError:", error.getMessage()); // @print-error
			}
		}
	}

	//: how-threadlab-runs-it

	public ManagerQueueScenario() {
		super(lesson("manager-queue", PARAMETERS, ManagerQueueScenario::main)
			.variant("tutorial", Map.of("managed", true, "askResults", false))
			.variant("plain-queue", Map.of("managed", false, "askResults", false))
			.variant("plain-queue-get", Map.of("managed", false, "askResults", true))
			//: cost
			.cost(waiting(7).withProcesses(3)));
	}

}

package org.threadlab.scenario.communication;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;
import static org.threadlab.probe.Py.time;

import java.util.List;

import org.threadlab.probe.TracedQueue;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class QueueScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("urls", 30, 1, 100),
			ParameterSpec.integer("maxsize", 5, 1, 1000),
			ParameterSpec.integer("consumers", 10, 1, 20),
			ParameterSpec.decimal("listSeconds", 4, 0, 10),
			ParameterSpec.decimal("detailSeconds", 2, 0.1, 10));

	//: the-program

	static void getDetailHtml(TracedQueue queue, double seconds) throws InterruptedException {
		while (true) {
			Object url = queue.get(); //: waits-empty // @get
			print("get detail html started", url); // @html-started
			sleep(seconds); // @html-sleep
			print("get detail html end", url); // @html-end
			queue.taskDone(); //: one-per-get // @task-done
		}
	}

	static void getDetailUrl(TracedQueue queue, long urls, double seconds) throws InterruptedException {
		print("get detail url started"); // @url-started
		sleep(seconds); // @url-sleep
		for (int i = 0; i < urls; i++) {
			queue.put("https://example.com/" + i); //: waits-full // @put
		}
		print("get detail url end"); // @url-end
	}

	static void main(Params p) throws InterruptedException {
		var queue = new TracedQueue("detail_url_queue", (int) p.integer("maxsize")); // @queue
		var producer = new TracedThread(() -> getDetailUrl(queue, p.integer("urls"), p.decimal("listSeconds")), // @producer
				"get_detail_url", false);
		for (int i = 0; i < p.integer("consumers"); i++) {
			//: daemons-java
			new TracedThread(() -> getDetailHtml(queue, p.decimal("detailSeconds")), "get_detail_html", true).start(); // @consumer
		}
		double startTime = time();
		producer.start(); // @start
		producer.join(); //: all-queued // @join
		queue.join(); //: all-done // @queue-join
		print(String.format("last time: %.2f", time() - startTime)); // @last-time
	}

	//: how-threadlab-runs-it

	public QueueScenario() {
		super(lesson("queue", PARAMETERS, QueueScenario::main)
			//: cost
			.cost(p -> waiting(2 + (int) p.integer("consumers"))));
	}

}

package org.threadlab.scenario.sync;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;

import org.threadlab.probe.TracedSemaphore;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class SemaphoreScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("urls", 20, 1, 40),
			ParameterSpec.integer("permits", 3, 1, 10),
			ParameterSpec.decimal("seconds", 2, 0.1, 10));

	//: the-program

	static void htmlSpider(String url, TracedSemaphore sem, double seconds) throws InterruptedException {
		sleep(seconds); // @sleep
		print("got html text success", url); // @print
		sem.release(); //: place-frees-java // @release
	}

	static void urlProducer(TracedSemaphore sem, long urls, double seconds) throws InterruptedException {
		for (int i = 0; i < urls; i++) {
			sem.acquire(); //: waits-full // @acquire
			String url = "https://example.com/" + i; // @url
			new TracedThread(() -> htmlSpider(url, sem, seconds), "html_spider", false).start(); // @spider
		}
	}

	static void main(Params p) throws InterruptedException {
		var sem = TracedSemaphore.bounded("sem", (int) p.integer("permits")); // @sem
		var producer = new TracedThread("UrlProducer", false, // @producer
				() -> urlProducer(sem, p.integer("urls"), p.decimal("seconds")));
		producer.start(); // @producer
	}

	//: how-threadlab-runs-it

	public SemaphoreScenario() {
		super(lesson("semaphore", PARAMETERS, SemaphoreScenario::main)
			//: cost
			.cost(p -> waiting(2 + (int) p.integer("urls"))));
	}

}

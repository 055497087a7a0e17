package org.threadlab.scenario.threads;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;
import static org.threadlab.probe.Py.time;

import java.util.List;

import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class ThreadSubclassScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("htmlSeconds", 2, 0.1, 10),
			ParameterSpec.decimal("urlSeconds", 4, 0.1, 10));

	//: the-program

	static final class GetDetailHtml extends TracedThread {

		private final double seconds;

		GetDetailHtml(String name, double seconds) {
			super(name, false); //: parent-init-java // @html-init
			this.seconds = seconds;
		}

		@Override
		protected void run() throws InterruptedException {
			print("get detail html started"); // @html-started
			sleep(seconds); // @html-sleep
			print("get detail html end"); // @html-end
		}

	}

	static final class GetDetailUrl extends TracedThread {

		private final double seconds;

		GetDetailUrl(String name, double seconds) {
			super(name, false); // @url-init
			this.seconds = seconds;
		}

		@Override
		protected void run() throws InterruptedException {
			print("get detail url started"); // @url-started
			sleep(seconds); // @url-sleep
			print("get detail url end"); // @url-end
		}

	}

	static void main(Params p) throws InterruptedException {
		var thread1 = new GetDetailHtml("get_detail_html", p.decimal("htmlSeconds")); // @thread1
		var thread2 = new GetDetailUrl("get_detail_url", p.decimal("urlSeconds")); // @thread2
		double startTime = time();
		thread1.start(); //: start-runs-run // @start1
		thread2.start(); // @start2
		thread1.join(); // @join1
		thread2.join(); // @join2
		print(String.format("last time: %.2f", time() - startTime)); // @last-time
	}

	//: how-threadlab-runs-it

	public ThreadSubclassScenario() {
		super(lesson("thread-subclass", PARAMETERS, ThreadSubclassScenario::main)
			//: cost
			.cost(waiting(3)));
	}

}

package org.threadlab.scenario.threads;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;
import static org.threadlab.probe.Py.time;

import java.util.List;

import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.Section;

/** Tutorial §2.2: the same two threads, made by subclassing Thread and overriding run(). */
public final class ThreadSubclassScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.decimal("htmlSeconds", 2, 0.1, 10),
			ParameterSpec.decimal("urlSeconds", 4, 0.1, 10));

	// ---- the program ----

	static final class GetDetailHtml extends TracedThread {

		private final double seconds;

		GetDetailHtml(String name, double seconds) {
			super(name, false); // first the parent's initialisation, as super().__init__(name=name)
			this.seconds = seconds;
		}

		@Override
		protected void run() throws InterruptedException {
			print("get detail html started");
			sleep(seconds);
			print("get detail html end");
		}

	}

	static final class GetDetailUrl extends TracedThread {

		private final double seconds;

		GetDetailUrl(String name, double seconds) {
			super(name, false);
			this.seconds = seconds;
		}

		@Override
		protected void run() throws InterruptedException {
			print("get detail url started");
			sleep(seconds);
			print("get detail url end");
		}

	}

	static void main(Params p) throws InterruptedException {
		var thread1 = new GetDetailHtml("get_detail_html", p.decimal("htmlSeconds"));
		var thread2 = new GetDetailUrl("get_detail_url", p.decimal("urlSeconds"));
		double startTime = time();
		thread1.start(); // start() runs run() on the new thread; calling run() directly would not
		thread2.start();
		thread1.join();
		thread2.join();
		print(String.format("last time: %.2f", time() - startTime));
	}

	// ---- how ThreadLab runs it ----

	public ThreadSubclassScenario() {
		super("thread-subclass", Section.THREADS, PARAMETERS);
	}

	@Override
	public void run(Params params) throws Exception {
		main(params);
	}

	/** Main and two threads that sleep. */
	@Override
	public org.threadlab.scenario.RunCost cost(Params params) {
		return waiting(3);
	}

}

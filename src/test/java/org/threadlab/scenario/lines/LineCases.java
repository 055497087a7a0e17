package org.threadlab.scenario.lines;

import static org.threadlab.probe.Py.print;

import java.util.List;

import org.threadlab.futures.TracedExecutor;
import org.threadlab.futures.TracedFuture;
import org.threadlab.probe.SharedValue;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;

/**
 * Scenario code (it lives in a scenario package, so the build rewrites it) that calls probes in every
 * way the line of a call could go wrong: calls nested on one line, lambdas, constructors, recursion,
 * callbacks the JDK or a probe makes, exceptions that leave scenario code. The calls whose line a test
 * checks carry a comment {@code // line: <name>}.
 */
public final class LineCases {

	private LineCases() {
	}

	public static void main() throws Exception {
		SharedValue total = new SharedValue("total", 1); // line: created
		print("nested", total.value()); // line: nested
		print("spread over",
				"two lines", total.value());
		List.of("a", "b").forEach(letter -> print("each", letter)); // line: each

		TracedThread worker = new TracedThread("worker", false, () -> work(total));
		worker.start(); // line: start
		worker.join();

		TracedThread failing = new TracedThread("failing", false, () -> {
			print("about to fail"); // line: about-to-fail
			throw new IllegalStateException("on purpose");
		});
		failing.start();
		failing.join();

		new Greeter("hello"); // line: greeter
		try {
			new Refuser();
		}
		catch (IllegalArgumentException refused) {
			print("refused"); // line: refused
		}
		countdown(2);

		TracedLock held = new TracedLock("held");
		held.acquire();
		try (var pool = new TracedExecutor(1)) {
			TracedFuture<Long> busy = pool.submit("busy()", () -> {
				held.acquire(); // the only worker waits here, so the next future stays pending
				held.release();
				return 1L;
			});
			TracedFuture<Long> waiting = pool.submit("waiting()", () -> 2L);
			waiting.addDoneCallback(future -> {
				print("callback");
				throw new IllegalStateException("a callback that raises");
			});
			waiting.cancel(); // line: cancel
			held.release();
			print("result", busy.result());
		}
		print("done");
	}

	private static void work(SharedValue total) throws InterruptedException {
		total.write(total.read() + 1); // line: work
	}

	private static void countdown(int n) {
		if (n == 0) {
			return;
		}
		print("down", n);
		countdown(n - 1);
		print("up", n); // line: up
	}

	private static final class Greeter {

		Greeter(String greeting) {
			super();
			print(greeting); // line: greet
		}

	}

	private static final class Refuser {

		Refuser() {
			this(refuse());
		}

		Refuser(int never) {
		}

		private static int refuse() {
			print("refusing"); // line: refusing
			throw new IllegalArgumentException("no");
		}

	}

}

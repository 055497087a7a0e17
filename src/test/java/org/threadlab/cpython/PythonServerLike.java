package org.threadlab.cpython;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a server running listings under CPython, for the test that kills it: a JVM that starts
 * three traced listings, each with a manager, two processes, a pool and a forked copy of itself, waits
 * until each says it is ready, prints its own pid and its interpreters', and waits to be killed.
 */
public final class PythonServerLike {

	static final String LISTING = """
			import multiprocessing, os, time

			def work(d, k):
			    d[k] = os.getpid()
			    time.sleep(60)

			if __name__ == "__main__":
			    manager = multiprocessing.Manager()
			    d = manager.dict()
			    processes = [multiprocessing.Process(target=work, args=(d, i)) for i in range(2)]
			    for p in processes:
			        p.start()
			    with multiprocessing.Pool(2) as pool:
			        pending = pool.apply_async(time.sleep, (60,))
			        if os.fork() == 0:
			            time.sleep(60)
			            os._exit(0)
			        while len(d) < 2:
			            time.sleep(0.05)
			        print("ready", flush=True)
			        time.sleep(60)
			""";

	private PythonServerLike() {
	}

	public static void main(String[] args) throws Exception {
		Interpreter python = Interpreter.find("python3").interpreter();
		int runs = 3;
		CountDownLatch ready = new CountDownLatch(runs);
		List<PythonRun> started = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			started.add(PythonRun.start(python, LISTING, 1, new PythonRun.Limits(600, 32, 100_000, 0), lines -> {
				if (lines.stream().anyMatch(l -> l.text().equals("ready"))) {
					ready.countDown();
				}
			}, trace -> {
			}));
		}
		if (!ready.await(60, TimeUnit.SECONDS)) {
			System.out.println("not ready");
			System.exit(1);
		}
		StringBuilder pids = new StringBuilder().append(ProcessHandle.current().pid());
		started.forEach(run -> pids.append(' ').append(run.pid()));
		System.out.println(pids);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}

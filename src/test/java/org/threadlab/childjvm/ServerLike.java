package org.threadlab.childjvm;

import org.threadlab.multiprocessing.Programs;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

/**
 * A stand-in for the server, for the tests that kill it: a JVM that starts a run whose main starts two
 * child processes the normal way (so its spares start too), prints its own pid and theirs, and waits.
 */
public final class ServerLike {

	private ServerLike() {
	}

	public static void main(String[] args) throws Exception {
		Run run = new Run(Run.Home.SERVER, RunClock.startingNow(1), 10_000);
		run.start("main", () -> {
			PyProcess a = new PyProcess(Programs.sleepForever());
			PyProcess b = new PyProcess(Programs.sleepForever());
			a.start();
			b.start();
			System.out.println(ProcessHandle.current().pid() + " " + a.pid() + " " + b.pid());
			System.out.flush();
			a.join();
			b.join();
		});
		Thread.sleep(Long.MAX_VALUE);
	}

}

package org.threadlab.child;

import java.util.Map;

import org.threadlab.run.RunClock;

/** A parent that starts a child JVM, tells its pid, then dies at once without a word. */
public final class OrphanMaker {

	private OrphanMaker() {
	}

	public static void main(String[] args) throws Exception {
		Process child = ChildLauncher.launch(SleepyProgram.class, "main", RunClock.startingNow(1), Map.of());
		System.out.println(child.pid());
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

	/** Sleeps a minute, far longer than the test waits. */
	public static final class SleepyProgram implements ChildProgram {

		@Override
		public void main(Map<String, String> args) throws InterruptedException {
			Thread.sleep(60_000);
		}

	}

}

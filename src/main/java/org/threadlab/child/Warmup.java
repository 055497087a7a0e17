package org.threadlab.child;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.ipc.Pickle;
import org.threadlab.probe.Py;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.run.Gil;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

/**
 * A dry run of the path every child takes — unpickling a task, a run with its GIL, a thread, a lock, a
 * print, the event pipe's encoding — on a throwaway run whose events go nowhere. A spare JVM does it
 * while it waits, so the classes it will need are loaded and linked before anyone asks for it (as
 * CPython's forkserver preloads modules); the class-data-sharing archive is made from the same steps.
 * Call from one thread, before the real run.
 */
final class Warmup {

	private Warmup() {
	}

	static void run() throws Exception {
		Run dry = new Run(Run.Home.CHILD, RunClock.startingNow(1), 4096);
		dry.useGil(0.005, Gil.Mode.BACK_EDGES_AND_CALLS);
		byte[] pickled = Pickle.dumps((ChildTask) Warmup::steps);
		Assignment assignment = Assignment.decode(
				new Assignment(dry.clock(), dry.gil().describe(), "warm-up", Map.of("warm", "up"), pickled).encode());
		dry.runHere(assignment.name(), () -> assignment.unpickleTask().run());
		List<Event> events = new ArrayList<>();
		dry.recorder().read(0, Integer.MAX_VALUE, events);
		try (Writer nowhere = Writer.nullWriter()) {
			for (Event e : events) {
				nowhere.write(EventLine.encode(EventLine.decode(EventLine.encode(e))));
			}
		}
	}

	private static void steps() throws Exception {
		TracedLock lock = new TracedLock("warm-up lock");
		TracedThread thread = new TracedThread("warm-up thread", false, () -> {
			lock.acquire();
			Py.sleep(0);
			lock.release();
		});
		thread.start();
		thread.join();
		Py.print("warm", 1, 2.5);
	}

}

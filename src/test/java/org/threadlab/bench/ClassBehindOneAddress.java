package org.threadlab.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 40 learners behind one address (127.0.0.1 for all, as a school's NAT shows them) start gil-race at
 * speed 1 at once, outside a room or in one, with the server's default settings: how many were refused,
 * how many waited, how long until their run started, and until the last one ended. For
 * {@link RoomsBenchmark}.
 */
final class ClassBehindOneAddress {

	private ClassBehindOneAddress() {
	}

	static String run(int port, int learners, boolean inRoom) throws Exception {
		String code = null;
		LoopbackSocket teacher = null;
		if (inRoom) {
			teacher = new LoopbackSocket("127.0.9.2", port);
			teacher.send("{\"type\":\"room-open\"}");
			for (String m; code == null && (m = teacher.receive()) != null;) {
				Matcher c = Pattern.compile("\"type\":\"room\",\"code\":\"(\\w+)\"").matcher(m);
				code = c.find() ? c.group(1) : null;
			}
		}
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger queued = new AtomicInteger();
		AtomicInteger completed = new AtomicInteger();
		List<Long> waits = Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		String room = code;
		for (int i = 0; i < learners; i++) {
			Thread learner = new Thread(() -> {
				try (LoopbackSocket socket = new LoopbackSocket("127.0.0.1", port)) {
					if (room != null) {
						socket.send("{\"type\":\"room-join\",\"code\":\"" + room + "\",\"scenario\":\"gil-race\"}");
						while (!socket.receive().startsWith("{\"type\":\"room\"")) {
							// the room's run, if any
						}
					}
					long asked = System.nanoTime();
					socket.send("{\"type\":\"start\",\"scenario\":\"gil-race\",\"params\":{},\"settings\":{\"speed\":1}}");
					boolean waited = false;
					for (String m; (m = socket.receive()) != null;) {
						if (m.startsWith("{\"type\":\"error\"")) {
							refused.incrementAndGet();
							return;
						}
						if (m.startsWith("{\"type\":\"queued\"")) {
							waited = true;
						}
						else if (m.startsWith("{\"type\":\"started\"")) {
							waits.add(System.nanoTime() - asked);
						}
						else if (m.startsWith("{\"type\":\"end\"")) {
							completed.incrementAndGet();
							break;
						}
					}
					queued.addAndGet(waited ? 1 : 0);
				}
				catch (IOException ex) {
					refused.incrementAndGet();
				}
			}, "learner-" + i);
			learner.start();
			threads.add(learner);
		}
		for (Thread learner : threads) {
			learner.join();
		}
		long all = System.nanoTime() - start;
		if (teacher != null) {
			teacher.send("{\"type\":\"room-close\"}");
			teacher.close();
		}
		return String.format("%d learners behind one address, gil-race at speed 1, %s: refused %d, waited %d, "
				+ "completed %d; wait to start p50 %.1f s, p95 %.1f s, max %.1f s; all done in %.1f s", learners,
				inRoom ? "in a room" : "no room", refused.get(), queued.get(), completed.get(),
				RoomsBenchmark.percentile(waits, 50) / 1e9, RoomsBenchmark.percentile(waits, 95) / 1e9,
				RoomsBenchmark.percentile(waits, 100) / 1e9, all / 1e9);
	}

}

package org.threadlab.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.TestThreads;

class RecorderTest {

	@Test
	void eventsAreReadInTheOrderTheyWereRecordedWithoutGaps() {
		Recorder recorder = new Recorder(10_000);
		for (int i = 0; i < 9_000; i++) {
			recorder.record(i, 0, EventKind.PRINT, null, i, 0, Event.NO_CAUSE);
		}
		List<Event> events = new ArrayList<>();
		assertThat(recorder.read(0, Integer.MAX_VALUE, events)).isEqualTo(9_000);
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.get(i).seq()).isEqualTo(i);
			assertThat(events.get(i).value()).isEqualTo(i);
		}
	}

	@Test
	void aReaderTakesBatchesWithItsOwnCursor() {
		Recorder recorder = new Recorder(100);
		for (int i = 0; i < 10; i++) {
			recorder.record(i, 0, EventKind.PRINT, null, i, 0, Event.NO_CAUSE);
		}
		List<Event> first = new ArrayList<>();
		List<Event> second = new ArrayList<>();
		assertThat(recorder.read(0, 4, first)).isEqualTo(4);
		assertThat(recorder.read(4, 100, second)).isEqualTo(6);
		assertThat(second.get(0).seq()).isEqualTo(4);
		assertThat(recorder.read(10, 100, new ArrayList<>())).isZero();
	}

	@Test
	void threadsRecordingAtOnceLoseNothingAndKeepEachThreadsOrder() throws Exception {
		int threads = 4;
		int perThread = 50_000;
		Recorder recorder = new Recorder((long) threads * perThread);
		CyclicBarrier start = new CyclicBarrier(threads);
		try (TestThreads pool = new TestThreads("recorder-test")) {
			for (int t = 0; t < threads; t++) {
				int actor = t;
				pool.start(() -> {
					start.await(10, TimeUnit.SECONDS);
					for (int i = 0; i < perThread; i++) {
						recorder.record(System.nanoTime(), actor, EventKind.WRITE, null, (long) i, 0, Event.NO_CAUSE);
					}
					return null;
				});
			}
			pool.joinAll();
		}
		List<Event> events = new ArrayList<>();
		assertThat(recorder.read(0, Integer.MAX_VALUE, events)).isEqualTo(threads * perThread);
		long[] nextOfActor = new long[threads];
		for (int i = 0; i < events.size(); i++) {
			Event e = events.get(i);
			assertThat(e.seq()).isEqualTo(i);
			assertThat(e.value()).isEqualTo(nextOfActor[e.actor()]++);
		}
		assertThat(nextOfActor).containsOnly(perThread);
		assertThat(recorder.dropped()).isZero();
	}

	@Test
	void aReaderWorkingDuringRecordingSeesEveryEventOnceAndInOrder() throws Exception {
		int total = 200_000;
		Recorder recorder = new Recorder(total);
		List<Event> seen = new ArrayList<>();
		try (TestThreads pool = new TestThreads("recorder-test")) {
			pool.start(() -> {
				for (int i = 0; i < total; i++) {
					recorder.record(i, 0, EventKind.WRITE, null, null, 0, Event.NO_CAUSE);
				}
				return null;
			});
			long cursor = 0;
			while (cursor < total) {
				cursor += recorder.read(cursor, 1000, seen);
				Thread.onSpinWait();
			}
			pool.joinAll();
		}
		assertThat(seen).hasSize(total);
		for (int i = 0; i < total; i++) {
			assertThat(seen.get(i).seq()).isEqualTo(i);
		}
	}

	@Test
	void eventsPastTheCapacityAreCountedAsDroppedNotKept() {
		Recorder recorder = new Recorder(5);
		for (int i = 0; i < 8; i++) {
			recorder.record(i, 0, EventKind.PRINT, null, null, 0, Event.NO_CAUSE);
		}
		List<Event> events = new ArrayList<>();
		assertThat(recorder.read(0, 100, events)).isEqualTo(5);
		assertThat(recorder.dropped()).isEqualTo(3);
		assertThat(recorder.record(9, 0, EventKind.PRINT, null, null, 0, Event.NO_CAUSE)).isEqualTo(-1);
	}

}

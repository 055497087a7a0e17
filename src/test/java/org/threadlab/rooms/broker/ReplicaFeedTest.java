package org.threadlab.rooms.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;

/**
 * A follower's copy of a run held on another server keeps its events without a gap, whatever order the
 * messages come in: one past a gap is refused (and the copy knows it is behind until a replay comes),
 * an overlapping one adds its tail, the end shows only once every event is there, and the gate changes
 * once per change of the holder's gate.
 */
class ReplicaFeedTest {

	private static final Wire.Started STARTED = new Wire.Started(7, "thread-target", 2, Map.of(), Map.of(), 1000);

	private static final Outcome DONE = new Outcome(Outcome.Status.COMPLETED, null, 5, 0);

	private static List<Event> events(long from, int count) {
		List<Event> events = new ArrayList<>();
		for (long seq = from; seq < from + count; seq++) {
			events.add(new Event(seq, seq * 10, 0, EventKind.PRINT, null, "line " + seq, 3, Event.NO_CAUSE));
		}
		return events;
	}

	private static Wire.Run run(Wire.Started started, long from, int count, Wire.Gate gate, Wire.End end) {
		return new Wire.Run("KM3R7X", "server-a", 7, started, from, events(from, count), from * 10, 1.0, gate, end);
	}

	private static List<Long> seqs(ReplicaFeed feed) {
		List<Event> read = new ArrayList<>();
		for (long from = 0; feed.read(from, 3000, read) > 0; from = read.size()) {
			// all of it, in reads of at most 3000
		}
		return read.stream().map(Event::seq).toList();
	}

	@Test
	void aMessagePastAGapIsRefusedAndAnOverlappingOneAddsItsTail() {
		ReplicaFeed feed = new ReplicaFeed("server-a", STARTED);
		assertThat(feed.apply(run(STARTED, 0, 5, null, null))).isEqualTo(ReplicaFeed.Applied.TAKEN);
		assertThat(feed.apply(run(null, 8, 2, null, null))).as("8 after 5: 5, 6, 7 are missing").isEqualTo(ReplicaFeed.Applied.GAP);
		assertThat(feed.kept()).isEqualTo(5);
		assertThat(feed.behind()).isTrue();
		assertThat(feed.apply(run(null, 3, 4, null, null))).as("3..6 over 0..4: 5 and 6 added").isEqualTo(ReplicaFeed.Applied.TAKEN);
		assertThat(feed.apply(run(STARTED, 0, 10, null, null))).as("a replay of all of it").isEqualTo(ReplicaFeed.Applied.TAKEN);
		assertThat(feed.behind()).isFalse();
		assertThat(seqs(feed)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
	}

	@Test
	void theEndShowsOnlyOnceEveryEventIsThere() {
		ReplicaFeed feed = new ReplicaFeed("server-a", STARTED);
		feed.apply(run(STARTED, 0, 4000, null, null));
		assertThat(feed.apply(run(null, 9000, 10, null, new Wire.End(9010, DONE)))).isEqualTo(ReplicaFeed.Applied.GAP);
		assertThat(feed.outcome()).isNull();
		assertThat(feed.behind()).as("its last message came past a gap: nothing later will show it").isTrue();
		feed.apply(run(STARTED, 4000, 5010, null, new Wire.End(9010, DONE)));
		assertThat(feed.outcome()).isEqualTo(DONE);
		assertThat(feed.behind()).isFalse();
		assertThat(seqs(feed)).hasSize(9010).startsWith(0L, 1L).endsWith(9009L);
		assertThat(feed.rate()).as("an ended run's lesson clock stands").isZero();
	}

	@Test
	void theGateChangesOncePerChangeOfTheHoldersGate() {
		ReplicaFeed feed = new ReplicaFeed("server-a", STARTED);
		PauseGate.Snapshot paused = new PauseGate.Snapshot(true, List.of());
		feed.apply(run(STARTED, 0, 1, new Wire.Gate(3, paused), null));
		assertThat(feed.gateVersion()).isEqualTo(1);
		assertThat(feed.gate().paused()).isTrue();
		feed.apply(run(STARTED, 0, 1, new Wire.Gate(3, paused), null)); // a replay says it again
		assertThat(feed.gateVersion()).isEqualTo(1);
		feed.apply(run(null, 1, 1, new Wire.Gate(4, new PauseGate.Snapshot(false, List.of())), null));
		assertThat(feed.gateVersion()).isEqualTo(2);
		assertThat(feed.gate().paused()).isFalse();
	}

}

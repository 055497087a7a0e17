package org.threadlab.rooms.broker;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.threadlab.rooms.LiveFeed;
import org.threadlab.rooms.RoomCast;
import org.threadlab.rooms.RoomCode;
import org.threadlab.rooms.RoomOwners;
import org.threadlab.rooms.Subscription;

/**
 * {@link RoomCast} across servers. The server whose teacher starts a room's run holds it (the room's row
 * says so, {@link RoomOwners}): its followers there read the run itself, and {@link FeedPublisher} sends
 * it to the other servers. A server with followers of the room keeps a copy of the run
 * ({@link ReplicaFeed}) from those messages, which its followers read through the same pump, as if the
 * run were here. A follower whose server has no copy yet (the first to join there, late) makes it ask
 * the holder for the run so far; a copy that sees a gap in the sequence asks for the rest. Of two runs
 * of a room (a teacher who moved to another server and started again), the one started last is the
 * room's. A run that follows one still playing here is shown once that one's end has been sent to its
 * followers (two frames after it came, at most a second after the new one's start), so that the
 * broker's lag does not cut the end of a run that a teacher's next start replaces at once.
 * <p>
 * Thread-safety: any thread; watchers are called on the thread that plays, on the broker's consumer
 * thread or the publishing thread for another server's run, or at once on the watching thread, and must
 * not block. Which run is the room's changes under this object's monitor (a play here, a message heard,
 * a next run shown), so watchers hear the runs in the order they became the room's.
 */
final class BrokerRoomCast implements RoomCast {

	/** Asks for the run so far at most this often per room (a burst of joins or of gaps asks once). */
	private static final long ASK_EVERY_NANOS = 1_000_000_000L;

	/** Times a follower with no run here asks for it again (the holder may have had none yet: its start comes anyway). */
	private static final int SEEK_TRIES = 3;

	/** A run's end has reached its followers' sockets two frames after it came. */
	private static final long SENT_NANOS = 2 * FeedPublisher.FRAME_MS * 1_000_000;

	/** A next run waits for the one playing at most this long. */
	private static final long WAIT_NANOS = 1_000_000_000L;

	/** A run held here, and its start as the other servers are told it. */
	private record Held(LiveFeed feed, Wire.Started started) {
	}

	private final BrokerLink link;

	private final FeedPublisher publisher;

	private final RoomOwners owners;

	/** What the room's followers here read: a run held here, or a copy of another server's. */
	private final Map<RoomCode, LiveFeed> current = new ConcurrentHashMap<>();

	private final Map<RoomCode, Held> held = new ConcurrentHashMap<>();

	private final Map<RoomCode, Set<Consumer<LiveFeed>>> watchers = new ConcurrentHashMap<>();

	/** Guarded by {@code watchers}. */
	private final Map<RoomCode, Subscription> interests = new ConcurrentHashMap<>();

	private final Map<RoomCode, Long> askedAt = new ConcurrentHashMap<>();

	/** Rooms followed here with no run yet, and how many more times to ask for it. */
	private final Map<RoomCode, Integer> seeking = new ConcurrentHashMap<>();

	/** A copy of the room's next run, filling while the one playing here ends. */
	private final Map<RoomCode, ReplicaFeed> next = new ConcurrentHashMap<>();

	/** The copy the room's current run replaced, which may still hear its last messages. */
	private final Map<RoomCode, ReplicaFeed> retired = new ConcurrentHashMap<>();

	BrokerRoomCast(BrokerLink link, FeedPublisher publisher, RoomOwners owners) {
		this.link = link;
		this.publisher = publisher;
		this.owners = owners;
		link.on(Wire.Run.class, this::heard);
		link.on(Wire.Want.class, this::asked);
		publisher.every(1000, this::check);
		publisher.every(FeedPublisher.FRAME_MS, this::promote);
	}

	@Override
	public synchronized void play(RoomCode room, LiveFeed feed) {
		Wire.Started started = new Wire.Started(feed.runId(), feed.scenario(), feed.speed(), feed.params(), feed.settings(),
				System.currentTimeMillis());
		held.put(room, new Held(feed, started));
		publisher.publish(room, feed, started);
		show(room, feed);
	}

	@Override
	public Subscription watch(RoomCode room, Consumer<LiveFeed> onRun) {
		synchronized (watchers) {
			watchers.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(onRun);
			interests.computeIfAbsent(room, link::interest);
		}
		LiveFeed now = current.get(room);
		if (now != null) {
			onRun.accept(now);
		}
		else {
			seeking.put(room, SEEK_TRIES);
			seek(room);
		}
		return () -> unwatch(room, onRun);
	}

	private void unwatch(RoomCode room, Consumer<LiveFeed> onRun) {
		Subscription interest = null;
		synchronized (watchers) {
			Set<Consumer<LiveFeed>> set = watchers.get(room);
			if (set != null && set.remove(onRun) && set.isEmpty()) {
				watchers.remove(room);
				interest = interests.remove(room);
				if (current.get(room) instanceof ReplicaFeed) {
					current.remove(room); // no one here follows it: a later follower asks for it again
				}
				next.remove(room);
				retired.remove(room);
			}
		}
		if (interest != null) {
			interest.close();
		}
	}

	@Override
	public Optional<LiveFeed> current(RoomCode room) {
		return Optional.ofNullable(current.get(room));
	}

	@Override
	public void forget(RoomCode room) {
		Subscription interest;
		synchronized (watchers) {
			watchers.remove(room);
			interest = interests.remove(room);
		}
		if (interest != null) {
			interest.close();
		}
		publisher.drop(room);
		held.remove(room);
		current.remove(room);
		askedAt.remove(room);
		seeking.remove(room);
		next.remove(room);
		retired.remove(room);
	}

	/** A message of a run another server holds (the consumer thread). */
	private synchronized void heard(Wire.Run message) {
		RoomCode room = new RoomCode(message.room());
		if (!watchers.containsKey(room)) {
			return; // no one here follows the room (any more)
		}
		LiveFeed now = current.get(room);
		ReplicaFeed known = copyOf(message, now, next.get(room), retired.get(room));
		if (known != null) {
			if (known.apply(message) == ReplicaFeed.Applied.GAP) {
				ask(room, message.origin(), message.runId(), known.kept());
			}
			return;
		}
		if (message.started() == null) {
			ask(room, message.origin(), message.runId(), 0); // a run this server has no copy of
			return;
		}
		if (now != null && startedAtMs(room, now) > message.started().startedAtMs()) {
			return; // an older run of the room
		}
		ReplicaFeed copy = new ReplicaFeed(message.origin(), message.started());
		if (copy.apply(message) == ReplicaFeed.Applied.GAP) {
			ask(room, message.origin(), message.runId(), 0);
		}
		if (now instanceof ReplicaFeed playing && !done(playing, System.nanoTime())) {
			next.put(room, copy); // shown once the one playing has ended here (promote)
		}
		else {
			show(room, copy);
		}
	}

	private static ReplicaFeed copyOf(Wire.Run message, LiveFeed... feeds) {
		for (LiveFeed feed : feeds) {
			if (feed instanceof ReplicaFeed copy && copy.origin().equals(message.origin()) && copy.runId() == message.runId()) {
				return copy;
			}
		}
		return null;
	}

	/** Whether a copy playing here may give way: its end has been sent to its followers, or it lacks events. */
	private static boolean done(ReplicaFeed playing, long now) {
		return playing.behind() || playing.sinceEnd(now) >= SENT_NANOS;
	}

	/** Each frame (the publishing thread): a next run whose room's run has ended here, or waited long enough, is shown. */
	private synchronized void promote() {
		long now = System.nanoTime();
		for (Map.Entry<RoomCode, ReplicaFeed> entry : next.entrySet()) {
			RoomCode room = entry.getKey();
			ReplicaFeed waiting = entry.getValue();
			if (!(current.get(room) instanceof ReplicaFeed playing) || done(playing, now) || waiting.age(now) >= WAIT_NANOS) {
				if (next.remove(room, waiting)) {
					show(room, waiting);
				}
			}
		}
	}

	/** Another server asks for the run held here (the consumer thread): it gets it from where it asks. */
	private void asked(Wire.Want want) {
		RoomCode room = new RoomCode(want.room());
		Held h = held.get(room);
		if (h != null) {
			long from = want.runId() == h.feed().runId() ? want.from() : 0;
			publisher.replay(room, h.feed(), h.started(), from, want.origin());
		}
	}

	private void show(RoomCode room, LiveFeed feed) {
		seeking.remove(room);
		if (current.put(room, feed) instanceof ReplicaFeed replaced) {
			retired.put(room, replaced);
		}
		for (Consumer<LiveFeed> watcher : watchers.getOrDefault(room, Set.of())) {
			watcher.accept(feed);
		}
	}

	private long startedAtMs(RoomCode room, LiveFeed feed) {
		if (feed instanceof ReplicaFeed copy) {
			return copy.started().startedAtMs();
		}
		Held h = held.get(room);
		return h != null && h.feed() == feed ? h.started().startedAtMs() : Long.MIN_VALUE;
	}

	/**
	 * Once a second (the publishing thread): a copy that lacks events it knows of (its last messages came
	 * past a gap, so no later one will show it) asks for them; a room followed here with no run asks its
	 * holder again, a few times.
	 */
	private void check() {
		try {
			for (Map.Entry<RoomCode, LiveFeed> entry : current.entrySet()) {
				if (entry.getValue() instanceof ReplicaFeed copy && copy.behind()) {
					ask(entry.getKey(), copy.origin(), copy.runId(), copy.kept());
				}
			}
			for (RoomCode room : seeking.keySet()) {
				Integer left = seeking.computeIfPresent(room, (r, n) -> n <= 1 ? null : n - 1);
				if (left != null) {
					seek(room);
				}
			}
		}
		catch (RuntimeException ex) {
			// the database or the broker is away: the next check tries again
		}
	}

	/** Asks the server holding the room's run, if another, for the run so far. */
	private void seek(RoomCode room) {
		owners.owner(room).filter(owner -> !owner.equals(link.me())).ifPresent(owner -> ask(room, owner, -1, 0));
	}

	/** Asks {@code owner} for the room's run from {@code from}; at most once a second per room. */
	private void ask(RoomCode room, String owner, long runId, long from) {
		long now = System.nanoTime();
		Long last = askedAt.get(room);
		if (last != null && now - last < ASK_EVERY_NANOS) {
			return;
		}
		askedAt.put(room, now);
		link.toServer(owner, new Wire.Want(room.value(), link.me(), runId, from));
	}

}

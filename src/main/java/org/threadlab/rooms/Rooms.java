package org.threadlab.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;

/**
 * The rooms of this server: opening one, a teacher taking it back, a student joining, the teacher's
 * run and lessons, and the end of a room (closed, or idle for {@link RoomSettings#idleHours()}). Rooms
 * are kept in the database (code, the secret's hash, times) so that a link outlives a restart; what goes
 * on in a room lives here, its fan-out, control messages and roster behind {@link RoomCast},
 * {@link RoomChannel} and {@link Roster}.
 * <p>
 * Thread-safety: any thread. A sweeper thread ({@code threadlab-rooms}) ends idle rooms.
 */
@Service
public class Rooms {

	private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

	/** A room a teacher opened: the secret is told once, to that teacher. */
	public record Opened(LiveRoom room, String secret) {
	}

	/** A student in a room; {@code member} as the roster has them. */
	public record Joined(LiveRoom room, Member member) {
	}

	private final Map<RoomCode, LiveRoom> live = new ConcurrentHashMap<>();

	private final RoomRecords records;

	private final JdbcAggregateTemplate jdbc;

	private final RoomSettings settings;

	private final RoomCast cast;

	private final RoomChannel channel;

	private final Roster roster;

	private final RunLauncher launcher;

	private final Throttle guard;

	private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-rooms");
		thread.setDaemon(true);
		return thread;
	});

	Rooms(RoomRecords records, JdbcAggregateTemplate jdbc, RoomSettings settings, RoomCast cast, RoomChannel channel,
			Roster roster, RunLauncher launcher) {
		this.records = records;
		this.jdbc = jdbc;
		this.settings = settings;
		this.cast = cast;
		this.channel = channel;
		this.roster = roster;
		this.launcher = launcher;
		this.guard = new Throttle(settings.joinFailures(), (long) (settings.joinFailureSeconds() * 1e9));
		long every = Math.max(1, Math.min(60_000, settings.idleNanos() / 4_000_000));
		sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
	}

	/** Opens a room with a new code; the secret is the teacher's, told only here. */
	public Opened open() {
		String secret = Tokens.random(128);
		Instant now = Instant.now();
		for (int tries = 0;; tries++) {
			RoomCode code = RoomCode.random(Tokens.randomSource());
			if (live.containsKey(code) || records.existsById(code.value())) {
				if (tries > 100) {
					throw new IllegalStateException("no free room code after 100 tries");
				}
				continue;
			}
			LiveRoom room = new LiveRoom(code, Tokens.hash(secret));
			jdbc.insert(new RoomRecord(code.value(), room.secretHash(), now, now, null));
			live.put(code, room);
			return new Opened(room, secret);
		}
	}

	/** The room's teacher comes back with its secret. */
	public LiveRoom teach(String code, String secret, String address) throws RoomRefused {
		LiveRoom room = find(code, address);
		if (!room.isTeacher(secret)) {
			guard.failed(address, System.nanoTime());
			throw RoomRefused.notTeacher();
		}
		room.touch();
		return room;
	}

	/** A student joins, or comes back as themselves with the token of an earlier join. */
	public Joined join(String code, String name, String token, String address) throws RoomRefused {
		LiveRoom room = find(code, address);
		Optional<Member> known = roster.find(room.code(), token);
		if (known.isPresent()) {
			room.touch();
			return new Joined(room, known.get());
		}
		if (roster.members(room.code()).size() >= settings.maxMembers()) {
			throw new RoomRefused("room-full", "The room has " + settings.maxMembers() + " students, its limit.",
					Map.of("limit", settings.maxMembers()));
		}
		room.touch();
		return new Joined(room, roster.add(room.code(), Tokens.random(96), name == null ? "" : name.strip()));
	}

	/** The room with this code, for a client that has it (a saved run's listing, say); guessing is slowed. */
	public LiveRoom find(String code, String address) throws RoomRefused {
		long wait = guard.waitNanos(address, System.nanoTime());
		if (wait > 0) {
			throw RoomRefused.rateLimited(wait);
		}
		Optional<LiveRoom> room = RoomCode.parse(code).flatMap(this::live);
		if (room.isEmpty()) {
			guard.failed(address, System.nanoTime());
			throw RoomRefused.unknown(code);
		}
		return room.get();
	}

	/** Whether the secret is the teacher's of the room with this code (no rate limit: for a save). */
	public boolean isTeacher(String code, String secret) {
		return RoomCode.parse(code).flatMap(this::live).map(room -> room.isTeacher(secret)).orElse(false);
	}

	/**
	 * Starts the room's run for its teacher, replacing the one before (a waiting one leaves the queue
	 * first; a running one is cancelled, its end still comes to everyone). The teacher is a client of
	 * its own in the queue.
	 * @throws LaunchRefused {@code busy} when the queue is full: the room's previous run goes on
	 */
	public void start(LiveRoom room, RunLauncher.Checked checked) throws LaunchRefused {
		RoomRun previous = room.run();
		if (previous != null && previous.isWaiting()) {
			previous.replace();
		}
		RoomRun next = new RoomRun(room, cast);
		next.pending = launcher.launch(checked, "room " + room.code() + " teacher", next);
		previous = room.replaceRun(next);
		if (previous != null) {
			previous.replace();
		}
		room.touch();
	}

	/** Sends the class to a lesson. */
	public void lesson(LiveRoom room, RoomSignal.Lesson lesson) {
		room.lesson(lesson);
		room.touch();
		channel.send(room.code(), lesson);
	}

	/** Ends the room: its run stops, its followers are told, its code is no longer joined. */
	public void close(LiveRoom room, String reason) {
		if (live.remove(room.code(), room)) {
			records.markEnded(room.code().value(), Instant.now()); // first: a follower told may join again at once
			room.end();
			RoomRun run = room.replaceRun(null);
			if (run != null) {
				run.replace();
			}
			channel.send(room.code(), new RoomSignal.Ended(reason));
			cast.forget(room.code());
			roster.forget(room.code());
			LOG.info("room {} ended: {}", room.code(), reason);
		}
	}

	public RoomCast cast() {
		return cast;
	}

	public RoomChannel channel() {
		return channel;
	}

	public Roster roster() {
		return roster;
	}

	/** Rooms going on now. */
	public int going() {
		return live.size();
	}

	private Optional<LiveRoom> live(RoomCode code) {
		LiveRoom room = live.get(code);
		if (room != null) {
			return Optional.of(room);
		}
		// opened before this server started (a restart): it goes on, without its roster, if not ended or idle
		return records.findById(code.value())
			.filter(r -> r.endedAt() == null
					&& r.activeAt().isAfter(Instant.now().minusNanos(settings.idleNanos())))
			.map(r -> live.computeIfAbsent(code, c -> new LiveRoom(c, r.secretHash())));
	}

	/** Ends the rooms idle for too long, and keeps the others' last activity in the database. */
	void sweep() {
		try {
			long now = System.nanoTime();
			for (LiveRoom room : List.copyOf(live.values())) {
				if (room.isBusy()) {
					room.touch();
				}
				long idle = now - room.activeAt();
				if (idle > settings.idleNanos()) {
					close(room, "idle");
				}
				else {
					records.markActive(room.code().value(), Instant.now().minusNanos(idle));
				}
			}
			records.deleteOldBefore(Instant.now().minusSeconds(7 * 24 * 3600));
		}
		catch (RuntimeException ex) {
			LOG.warn("could not sweep the rooms: {}", ex.toString());
		}
	}

	@PreDestroy
	void stop() {
		sweeper.shutdownNow();
	}

}

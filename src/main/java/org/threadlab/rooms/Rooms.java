package org.threadlab.rooms;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.springframework.dao.DataAccessException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rooms of this server: opening one, a teacher taking it back, a student joining, the teacher's
 * run and lessons, and the end of a room (closed, or idle for {@link RoomSettings#idleHours()}). Rooms
 * are kept in the database (code, the secret's hash, times, the server holding its run, its last lesson)
 * so that a link outlives a restart and every server of a workshop knows them; what goes on in a room
 * lives here, its fan-out, control messages and roster behind {@link RoomCast}, {@link RoomChannel} and
 * {@link Roster} (in this server's memory, or across servers through a broker). Each server hears the
 * control messages of the rooms it holds: a lesson, the room's end, and a teacher's steering of a run
 * this server holds, sent from another server.
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

	private final RoomOwners owners;

	private final JsonMapper json;

	private final Throttle guard;

	private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-rooms");
		thread.setDaemon(true);
		return thread;
	});

	Rooms(RoomRecords records, JdbcAggregateTemplate jdbc, RoomSettings settings, RoomCast cast, RoomChannel channel,
			Roster roster, RunLauncher launcher, RoomOwners owners, JsonMapper json) {
		this.records = records;
		this.owners = owners;
		this.json = json;
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
			jdbc.insert(new RoomRecord(code.value(), room.secretHash(), now, now, null, null, null));
			live.put(code, room);
			hear(room);
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
		String owner = owners.owner(room.code()).orElse(null);
		if (owner != null && !owner.equals(owners.me())) {
			channel.send(room.code(), RoomSignal.Steer.of("cancel")); // the run another server holds
		}
		owners.claim(room.code());
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
		try {
			records.markLesson(room.code().value(), json.writeValueAsString(lesson));
		}
		catch (DataAccessException ex) { // the class is sent all the same; a student joining later is not told
			LOG.warn("could not keep room {}'s lesson: {}", room.code(), ex.toString());
		}
		channel.send(room.code(), lesson);
	}

	/**
	 * The teacher pauses, steps, resumes or cancels the room's run: here if this server holds it, else
	 * on the server that does (the teacher's page reached another one).
	 */
	public void steer(LiveRoom room, RoomSignal.Steer steer) {
		RoomRun run = room.run();
		if (run != null) {
			run.steer(steer);
		}
		else {
			channel.send(room.code(), steer);
		}
	}

	/** Ends the room: its run stops, its followers are told, its code is no longer joined. */
	public void close(LiveRoom room, String reason) {
		if (live.remove(room.code(), room)) {
			records.markEnded(room.code().value(), Instant.now()); // first: a follower told may join again at once
			room.stopHearing();
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
		// opened on another server, or before this one started (a restart): it goes on if not ended or idle
		// (without its roster after a restart, unless the roster is shared)
		Optional<RoomRecord> record = records.findById(code.value())
			.filter(r -> r.endedAt() == null
					&& r.activeAt().isAfter(Instant.now().minusNanos(settings.idleNanos())));
		if (record.isEmpty()) {
			return Optional.empty();
		}
		LiveRoom found = new LiveRoom(code, record.get().secretHash());
		found.lesson(lesson(record.get().lesson()));
		LiveRoom known = live.putIfAbsent(code, found);
		if (known != null) {
			return Optional.of(known);
		}
		hear(found);
		return Optional.of(found);
	}

	/** This server hears the room's control messages from now on, from whichever server sends them. */
	private void hear(LiveRoom room) {
		room.hearing(channel.listen(room.code(), signal -> heard(room, signal)));
	}

	private void heard(LiveRoom room, RoomSignal signal) {
		if (signal instanceof RoomSignal.Lesson lesson) {
			room.lesson(lesson);
		}
		else if (signal instanceof RoomSignal.Steer steer) {
			RoomRun run = room.run();
			if (run != null) {
				run.steer(steer);
			}
		}
		else if (signal instanceof RoomSignal.Ended) {
			endedElsewhere(room);
		}
	}

	/** The room was closed by another server: it ends here too, without telling anyone again. */
	private void endedElsewhere(LiveRoom room) {
		if (live.remove(room.code(), room)) {
			room.stopHearing();
			room.end();
			RoomRun run = room.replaceRun(null);
			if (run != null) {
				run.replace();
			}
		}
	}

	private RoomSignal.Lesson lesson(String stored) {
		try {
			return stored == null ? null : json.readValue(stored, RoomSignal.Lesson.class);
		}
		catch (JacksonException ex) {
			LOG.warn("a room's stored lesson could not be read: {}", ex.toString());
			return null;
		}
	}

	/**
	 * Ends the rooms idle for too long, and keeps the others' last activity in the database. A room is
	 * idle when neither this server nor any other did anything in it (the others' last activity is the
	 * database's); one that another server ended ends here too.
	 */
	void sweep() {
		try {
			long now = System.nanoTime();
			List<LiveRoom> rooms = List.copyOf(live.values());
			Map<String, RoomRecord> stored = new HashMap<>();
			records.findAllById(rooms.stream().map(r -> r.code().value()).toList())
				.forEach(r -> stored.put(r.code(), r));
			for (LiveRoom room : rooms) {
				RoomRecord record = stored.get(room.code().value());
				if (record != null && record.endedAt() != null) {
					endedElsewhere(room);
					continue;
				}
				if (room.isBusy()) {
					room.touch();
				}
				long idle = now - room.activeAt();
				if (record != null) {
					idle = Math.min(idle, Math.max(0, Duration.between(record.activeAt(), Instant.now()).toNanos()));
				}
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

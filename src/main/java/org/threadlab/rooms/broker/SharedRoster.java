package org.threadlab.rooms.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threadlab.rooms.Member;
import org.threadlab.rooms.RoomCode;
import org.threadlab.rooms.Roster;
import org.threadlab.rooms.Subscription;

/**
 * {@link Roster} across servers: a room's students are rows of the shared database ({@link MemberRows}),
 * so a student's number is unique whichever server they joined on, and each change goes through the
 * broker to the servers that watch the room (a teacher's socket there), which keep the room's students
 * in memory while they watch it and take a change if it is newer than the one they hold. A change is
 * written by one thread of its own ({@code threadlab-roster}), in the order asked, so that the admission
 * thread and the sockets' handlers never wait on the database for it; a new student is written at once
 * (the join answers with their number).
 * <p>
 * Thread-safety: any thread; a watched room's students are guarded by its {@link Watched}'s monitor, and
 * watchers are called outside it (on the changing thread, or the broker's consumer thread).
 */
final class SharedRoster implements Roster, AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(SharedRoster.class);

	/** A room watched on this server: its students as last heard, and who watches. */
	private static final class Watched {

		final TreeMap<Integer, MemberRows.Row> rows = new TreeMap<>();

		final Set<Runnable> watchers = ConcurrentHashMap.newKeySet();

		Subscription interest = Subscription.NONE;

		/** Keeps the row if it is newer than the one held; says whether it was. */
		synchronized boolean take(MemberRows.Row row) {
			MemberRows.Row held = rows.get(row.member().id());
			if (held != null && held.version() >= row.version()) {
				return false;
			}
			rows.put(row.member().id(), row);
			return true;
		}

		synchronized List<Member> members() {
			return rows.values().stream().map(MemberRows.Row::member).toList();
		}

	}

	private final MemberRows rows;

	private final BrokerLink link;

	private final Map<RoomCode, Watched> watched = new ConcurrentHashMap<>();

	private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-roster");
		thread.setDaemon(true);
		return thread;
	});

	SharedRoster(MemberRows rows, BrokerLink link) {
		this.rows = rows;
		this.link = link;
		link.on(Wire.MemberChanged.class, m -> changed(new RoomCode(m.room()), new MemberRows.Row(m.member(), m.version())));
	}

	@Override
	public Member add(RoomCode room, String token, String name) {
		MemberRows.Row row = rows.insert(room, token, name);
		changedHere(room, new MemberRows.Row(MemberRows.withToken(row.member(), null), row.version()));
		return row.member();
	}

	@Override
	public Optional<Member> find(RoomCode room, String token) {
		return token == null ? Optional.empty() : rows.find(room, token);
	}

	@Override
	public void update(RoomCode room, int id, UnaryOperator<Member> change) {
		write(() -> rows.update(room, id, change).ifPresent(row -> changedHere(room, row)));
	}

	@Override
	public List<Member> members(RoomCode room) {
		Watched w = watched.get(room);
		return w != null ? w.members() : rows.all(room).stream().map(MemberRows.Row::member).toList();
	}

	@Override
	public Subscription watch(RoomCode room, Runnable changed) {
		Watched w;
		boolean first;
		synchronized (watched) {
			w = watched.get(room);
			first = w == null;
			if (first) {
				w = new Watched();
				watched.put(room, w);
				w.interest = link.interest(room); // then read: a change since is heard, or read, or both
			}
			w.watchers.add(changed);
		}
		if (first) {
			rows.all(room).forEach(w::take);
		}
		Watched held = w;
		return () -> {
			Subscription interest = null;
			synchronized (watched) {
				if (held.watchers.remove(changed) && held.watchers.isEmpty() && watched.remove(room, held)) {
					interest = held.interest;
				}
			}
			if (interest != null) {
				interest.close();
			}
		};
	}

	@Override
	public void forget(RoomCode room) {
		Watched w;
		synchronized (watched) {
			w = watched.remove(room);
		}
		if (w != null) {
			w.interest.close();
		}
		write(() -> rows.delete(room));
	}

	/** A change made here: kept, told to this server's watchers and to the other servers. */
	private void changedHere(RoomCode room, MemberRows.Row row) {
		changed(room, row);
		link.toRoom(room, "roster", new Wire.MemberChanged(room.value(), link.me(), row.member(), row.version()));
	}

	private void changed(RoomCode room, MemberRows.Row row) {
		Watched w = watched.get(room);
		if (w != null && w.take(row)) {
			for (Runnable watcher : w.watchers) {
				watcher.run();
			}
		}
	}

	private void write(Runnable change) {
		try {
			writer.execute(() -> {
				try {
					change.run();
				}
				catch (RuntimeException ex) {
					LOG.warn("a change of a room's roster could not be written: {}", ex.toString());
				}
			});
		}
		catch (RejectedExecutionException closing) {
			// the server is stopping: its students are gone from it anyway
		}
	}

	@Override
	public void close() {
		writer.shutdown();
	}

}

package org.threadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunRequest;
import org.threadlab.rooms.LiveFeed;
import org.threadlab.rooms.LiveRoom;
import org.threadlab.rooms.Member;
import org.threadlab.rooms.RoomRefused;
import org.threadlab.rooms.RoomRun;
import org.threadlab.rooms.RoomSignal;
import org.threadlab.rooms.Rooms;
import org.threadlab.rooms.Subscription;
import org.threadlab.saved.SavedRunStore;

/**
 * One socket's place in a room (docs/protocol.md, "Rooms"): teaching it, or following it as a student.
 * A teacher's socket steers the room's run (its start, pause, step, resume and cancel are the room's)
 * and hears the roster; every socket in the room gets the room's run through a {@link FollowStream}
 * and the room's control messages. A student's own runs are theirs (a client of their own in the queue)
 * and the roster hears of them, and of the challenges they win ({@link StudentRuns}).
 * <p>
 * Thread-safety: the socket's handler calls it one message at a time; the room's fan-out, channel and
 * roster call back from other threads. State is guarded by this object's monitor; nothing is posted or
 * subscribed under it.
 */
final class RoomSeat implements RoomRun.Line {

	private final SocketSession socket;

	private final Rooms rooms;

	private final SavedRunStore saved;

	private final RunLauncher launcher;

	private final EventPump pump;

	private final SharedBatches shared;

	// guarded by this
	private LiveRoom room;

	private boolean teaching;

	private int member;

	private String page;

	private FollowStream stream;

	private List<Subscription> subscriptions = new ArrayList<>();

	RoomSeat(SocketSession socket, Rooms rooms, SavedRunStore saved, RunLauncher launcher, EventPump pump,
			SharedBatches shared) {
		this.socket = socket;
		this.rooms = rooms;
		this.saved = saved;
		this.launcher = launcher;
		this.pump = pump;
		this.shared = shared;
	}

	/** Whether the socket teaches a room: its run messages are the room's. */
	synchronized boolean teaches() {
		return teaching && room != null;
	}

	void open() {
		leave(null);
		Rooms.Opened opened = rooms.open();
		teach(opened.room(), opened.secret(), null);
	}

	void teach(Incoming.RoomTeach request) {
		LiveRoom taken;
		try {
			taken = rooms.teach(request.code(), request.secret(), socket.address());
		}
		catch (RoomRefused refused) {
			refuse(refused);
			return;
		}
		leave(null);
		teach(taken, null, request.scenario());
	}

	private void teach(LiveRoom taken, String secret, String scenario) {
		synchronized (this) {
			room = taken;
			teaching = true;
			page = scenario;
		}
		taken.teacher(this);
		socket.actAs(null); // a teacher's runs are the room's, queued as the teacher's own client
		socket.post(new RoomMessages.Room(taken.code().value(), "teacher", secret, null, null,
				RoomMessages.Lesson.of(taken.lesson()), savedIn(taken)), null);
		Runnable roster = () -> socket.post(RoomMessages.Roster.of(taken.code().value(), rooms.roster().members(taken.code())),
				"roster");
		subscribe(taken, rooms.roster().watch(taken.code(), roster));
		roster.run();
	}

	void join(Incoming.RoomJoin request) {
		Rooms.Joined joined;
		try {
			joined = rooms.join(request.code(), request.name(), request.member(), socket.address());
		}
		catch (RoomRefused refused) {
			refuse(refused);
			return;
		}
		leave(null);
		LiveRoom taken = joined.room();
		Member me = joined.member();
		synchronized (this) {
			room = taken;
			teaching = false;
			member = me.id();
			page = request.scenario();
		}
		socket.actAs("room " + taken.code() + " student " + me.id());
		socket.watch(new StudentRuns(this::updateMe));
		rooms.roster().update(taken.code(), me.id(), m -> m.here(true, request.scenario()).following(request.following()));
		socket.post(new RoomMessages.Room(taken.code().value(), "student", null, me.token(), me.name(),
				RoomMessages.Lesson.of(taken.lesson()), savedIn(taken)), null);
		subscribe(taken, rooms.channel().listen(taken.code(), this::signal));
	}

	/** Sends the class to a lesson; only the teacher. */
	void lesson(Incoming.RoomLesson request) {
		LiveRoom taught = taught();
		if (taught == null) {
			return;
		}
		RunLauncher.Checked checked;
		try {
			checked = launcher.check(request.request());
		}
		catch (LaunchRefused refused) {
			socket.refuse(new Messages.Error(refused.code(), refused.getMessage(), refused.details()));
			return;
		}
		rooms.lesson(taught, new RoomSignal.Lesson(checked.scenario().id(), checked.params().asMap(),
				checked.settings().asMap(), request.challenge()));
	}

	/** Ends the room; only the teacher. */
	void close() {
		LiveRoom taught = taught();
		if (taught != null) {
			rooms.close(taught, "closed");
		}
	}

	/** The socket leaves its room; answered with {@code room-ended} ({@code left}), or {@code not-in-room}. */
	void leaveAsked() {
		LiveRoom left = leave("left");
		if (left == null) {
			socket.refuse(new Messages.Error("not-in-room", "The socket is in no room.", Map.of()));
		}
	}

	/** The socket closed: the room goes on without it (a student shows as gone). */
	void closed() {
		leave(null);
	}

	// ---- the teacher's run: the room's ----

	void start(RunRequest request) {
		LiveRoom taught = taught();
		if (taught == null) {
			return;
		}
		synchronized (this) {
			page = request.scenario();
		}
		try {
			rooms.start(taught, launcher.check(request));
		}
		catch (LaunchRefused refused) {
			socket.refuse(new Messages.Error(refused.code(), refused.getMessage(), refused.details()));
		}
	}

	void cancel() {
		steer(RoomSignal.Steer.of("cancel"));
	}

	void pause() {
		steer(RoomSignal.Steer.of("pause"));
	}

	void step(int actor) {
		steer(new RoomSignal.Steer("step", actor));
	}

	void resume() {
		steer(RoomSignal.Steer.of("resume"));
	}

	/** The room's run steered, wherever it is held (this server, or the one the teacher started it on). */
	private void steer(RoomSignal.Steer steer) {
		LiveRoom taught = taught();
		if (taught != null) {
			rooms.steer(taught, steer);
		}
	}

	@Override
	public void queued(int position) {
		socket.post(new Messages.Queued(position), "queued");
	}

	@Override
	public void failed(String message) {
		socket.refuse(new Messages.Error("busy", message, Map.of()));
	}

	// ---- what the room sends ----

	private void signal(RoomSignal signal) {
		if (signal instanceof RoomSignal.Lesson lesson) {
			if (teaches()) {
				return; // the teacher sent it
			}
			socket.post(new RoomMessages.RoomLesson(lesson), null);
		}
		else if (signal instanceof RoomSignal.Ended ended) {
			LiveRoom was = leave(null);
			if (was != null) {
				socket.post(new RoomMessages.RoomEnded(was.code().value(), ended.reason()), null);
			}
		}
	}

	/** The room's run: a follower gets each; the teacher its own page's lesson's, as its own run. */
	private void play(LiveFeed feed) {
		FollowStream next;
		FollowStream previous;
		synchronized (this) {
			if (room == null || (stream != null && stream.feed() == feed)) {
				return;
			}
			boolean mine = teaching && feed.scenario().equals(page);
			if (teaching && !mine) {
				return;
			}
			previous = stream;
			next = new FollowStream(feed, socket.outbox(), teaching ? "" : "room-", shared.of(feed));
			stream = next;
		}
		if (previous != null) {
			pump.unfollow(previous);
		}
		pump.follow(next);
	}

	private void subscribe(LiveRoom taken, Subscription first) {
		Subscription feed = rooms.cast().watch(taken.code(), this::play);
		Subscription ended = taught() == taken ? rooms.channel().listen(taken.code(), this::signal) : Subscription.NONE;
		synchronized (this) {
			subscriptions.add(first);
			subscriptions.add(feed);
			subscriptions.add(ended);
		}
	}

	/** Leaves the room the socket is in, if any; tells it {@code room-ended} with {@code reason} when not null. */
	private LiveRoom leave(String reason) {
		LiveRoom was;
		boolean wasTeaching;
		int wasMember;
		List<Subscription> held;
		FollowStream following;
		synchronized (this) {
			was = room;
			wasTeaching = teaching;
			wasMember = member;
			held = subscriptions;
			following = stream;
			room = null;
			teaching = false;
			stream = null;
			subscriptions = new ArrayList<>();
		}
		if (was == null) {
			return null;
		}
		held.forEach(Subscription::close);
		if (following != null) {
			pump.unfollow(following);
		}
		if (wasTeaching) {
			was.teacherLeft(this);
		}
		else {
			socket.watch(null);
			socket.actAs(null);
			rooms.roster().update(was.code(), wasMember, m -> m.here(false, null));
		}
		if (reason != null) {
			socket.post(new RoomMessages.RoomEnded(was.code().value(), reason), null);
		}
		return was;
	}

	private void updateMe(UnaryOperator<Member> change) {
		LiveRoom in;
		int me;
		synchronized (this) {
			in = teaching ? null : room;
			me = member;
		}
		if (in != null) {
			rooms.roster().update(in.code(), me, change);
		}
	}

	private synchronized LiveRoom taught() {
		return teaching ? room : null;
	}

	private List<RoomMessages.Saved> savedIn(LiveRoom in) {
		return saved.inRoom(in.code().value()).stream().map(RoomMessages.Saved::of).toList();
	}

	private void refuse(RoomRefused refused) {
		socket.refuse(new Messages.Error(refused.code(), refused.getMessage(), refused.details()));
	}

}

package org.threadlab.rooms;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The live fan-out of rooms: the teacher's run becomes its room's feed, and every follower's socket
 * watches the room for it. {@link LocalRoomCast} serves the sockets of one server; the broker-backed one
 * ({@code rooms.broker}: the room's run across containers) implements the same, so callers do not change.
 * <p>
 * Thread-safety: any thread; watchers are called on the thread that plays, or at once on the watching
 * thread with the run already playing, and must not block.
 */
public interface RoomCast {

	/** The room's run is now {@code feed}, for every follower, those who come later too. */
	void play(RoomCode room, LiveFeed feed);

	/** Calls {@code onRun} with the room's run now (if any), then with each new one. */
	Subscription watch(RoomCode room, Consumer<LiveFeed> onRun);

	/** The room's run now, or its last: what a late follower gets. */
	Optional<LiveFeed> current(RoomCode room);

	/** The room is over: its feed and watchers are dropped. */
	void forget(RoomCode room);

}

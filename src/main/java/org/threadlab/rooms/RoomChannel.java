package org.threadlab.rooms;

import java.util.function.Consumer;

/**
 * A room's control messages ({@link RoomSignal}) to everyone in it. {@link LocalRoomChannel} serves one
 * server; the broker-backed one ({@code rooms.broker}) carries them across containers, with the same calls.
 * <p>
 * Thread-safety: any thread; listeners are called on the sending thread and must not block.
 */
public interface RoomChannel {

	void send(RoomCode room, RoomSignal signal);

	Subscription listen(RoomCode room, Consumer<RoomSignal> listener);

}

package org.threadlab.rooms.broker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.threadlab.rooms.RoomChannel;
import org.threadlab.rooms.RoomCode;
import org.threadlab.rooms.RoomSignal;
import org.threadlab.rooms.Subscription;

/**
 * {@link RoomChannel} across servers: a control message goes to this server's listeners at once, as on
 * one server, and through the broker to every other server with an interest in the room, whose
 * listeners hear it on the broker's consumer thread. A room's end drops its listeners everywhere.
 * <p>
 * Thread-safety: any thread; listeners are kept in concurrent sets and called in turn; a room's interest
 * in the broker is taken with its first listener and given back with its last (under one monitor).
 */
final class BrokerRoomChannel implements RoomChannel {

	private final BrokerLink link;

	private final Map<RoomCode, Set<Consumer<RoomSignal>>> listeners = new ConcurrentHashMap<>();

	/** Guarded by {@code listeners}. */
	private final Map<RoomCode, Subscription> interests = new ConcurrentHashMap<>();

	BrokerRoomChannel(BrokerLink link) {
		this.link = link;
		link.on(Wire.Signal.class, this::heard);
	}

	@Override
	public void send(RoomCode room, RoomSignal signal) {
		tell(room, signal);
		link.toRoom(room, "signal", new Wire.Signal(room.value(), link.me(), signal));
		if (signal instanceof RoomSignal.Ended) {
			drop(room);
		}
	}

	@Override
	public Subscription listen(RoomCode room, Consumer<RoomSignal> listener) {
		synchronized (listeners) {
			listeners.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(listener);
			interests.computeIfAbsent(room, link::interest);
		}
		return () -> {
			synchronized (listeners) {
				Set<Consumer<RoomSignal>> set = listeners.get(room);
				if (set != null && set.remove(listener) && set.isEmpty()) {
					listeners.remove(room);
					Subscription interest = interests.remove(room);
					if (interest != null) {
						interest.close();
					}
				}
			}
		};
	}

	/** A control message from another server. */
	private void heard(Wire.Signal message) {
		RoomCode room = new RoomCode(message.room());
		tell(room, message.signal());
		if (message.signal() instanceof RoomSignal.Ended) {
			drop(room);
		}
	}

	private void tell(RoomCode room, RoomSignal signal) {
		for (Consumer<RoomSignal> listener : listeners.getOrDefault(room, Set.of())) {
			listener.accept(signal);
		}
	}

	private void drop(RoomCode room) {
		Subscription interest;
		synchronized (listeners) {
			listeners.remove(room);
			interest = interests.remove(room);
		}
		if (interest != null) {
			interest.close();
		}
	}

}

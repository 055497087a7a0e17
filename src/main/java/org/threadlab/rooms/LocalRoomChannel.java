package org.threadlab.rooms;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@link RoomChannel} within one server. Thread-safety: concurrent sets; listeners called in turn. */
@Component
@ConditionalOnProperty(name = "threadlab.rooms.broker", havingValue = RoomSettings.ALONE, matchIfMissing = true)
class LocalRoomChannel implements RoomChannel {

	private final Map<RoomCode, Set<Consumer<RoomSignal>>> listeners = new ConcurrentHashMap<>();

	@Override
	public void send(RoomCode room, RoomSignal signal) {
		for (Consumer<RoomSignal> listener : listeners.getOrDefault(room, Set.of())) {
			listener.accept(signal);
		}
		if (signal instanceof RoomSignal.Ended) {
			listeners.remove(room);
		}
	}

	@Override
	public Subscription listen(RoomCode room, Consumer<RoomSignal> listener) {
		listeners.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(listener);
		return () -> {
			Set<Consumer<RoomSignal>> set = listeners.get(room);
			if (set != null) {
				set.remove(listener);
			}
		};
	}

}

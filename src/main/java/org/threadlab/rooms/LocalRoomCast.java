package org.threadlab.rooms;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link RoomCast} within one server: the room's feed is the teacher's run, and watchers are the sockets
 * of this server. Thread-safety: concurrent maps; a watcher added while a run starts hears it once or
 * twice (a watcher keeps the newest feed it was given, so twice is harmless).
 */
@Component
@ConditionalOnProperty(name = "threadlab.rooms.broker", havingValue = RoomSettings.ALONE, matchIfMissing = true)
class LocalRoomCast implements RoomCast {

	private final Map<RoomCode, LiveFeed> feeds = new ConcurrentHashMap<>();

	private final Map<RoomCode, Set<Consumer<LiveFeed>>> watchers = new ConcurrentHashMap<>();

	@Override
	public void play(RoomCode room, LiveFeed feed) {
		feeds.put(room, feed);
		for (Consumer<LiveFeed> watcher : watchers.getOrDefault(room, Set.of())) {
			watcher.accept(feed);
		}
	}

	@Override
	public Subscription watch(RoomCode room, Consumer<LiveFeed> onRun) {
		watchers.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(onRun);
		LiveFeed now = feeds.get(room);
		if (now != null) {
			onRun.accept(now);
		}
		return () -> {
			Set<Consumer<LiveFeed>> set = watchers.get(room);
			if (set != null) {
				set.remove(onRun);
			}
		};
	}

	@Override
	public Optional<LiveFeed> current(RoomCode room) {
		return Optional.ofNullable(feeds.get(room));
	}

	@Override
	public void forget(RoomCode room) {
		feeds.remove(room);
		watchers.remove(room);
	}

}

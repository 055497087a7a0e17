package org.threadlab.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link Roster} in this server's memory. Thread-safety: each room's students are guarded by their
 * map's monitor; watchers are called outside it.
 */
@Component
@ConditionalOnProperty(name = "threadlab.rooms.broker", havingValue = RoomSettings.ALONE, matchIfMissing = true)
class LocalRoster implements Roster {

	private final Map<RoomCode, TreeMap<Integer, Member>> rooms = new ConcurrentHashMap<>();

	private final Map<RoomCode, Set<Runnable>> watchers = new ConcurrentHashMap<>();

	@Override
	public Member add(RoomCode room, String token, String name) {
		TreeMap<Integer, Member> members = rooms.computeIfAbsent(room, r -> new TreeMap<>());
		Member member;
		synchronized (members) {
			int id = members.isEmpty() ? 1 : members.lastKey() + 1;
			member = new Member(id, token, name, true, null, false, true, List.of());
			members.put(id, member);
		}
		changed(room);
		return member;
	}

	@Override
	public Optional<Member> find(RoomCode room, String token) {
		TreeMap<Integer, Member> members = rooms.get(room);
		if (members == null || token == null) {
			return Optional.empty();
		}
		synchronized (members) {
			return members.values().stream().filter(m -> Tokens.same(m.token(), token)).findFirst();
		}
	}

	@Override
	public void update(RoomCode room, int id, UnaryOperator<Member> change) {
		TreeMap<Integer, Member> members = rooms.get(room);
		if (members == null) {
			return;
		}
		synchronized (members) {
			Member member = members.get(id);
			if (member == null) {
				return;
			}
			members.put(id, change.apply(member));
		}
		changed(room);
	}

	@Override
	public List<Member> members(RoomCode room) {
		TreeMap<Integer, Member> members = rooms.get(room);
		if (members == null) {
			return List.of();
		}
		synchronized (members) {
			return new ArrayList<>(members.values());
		}
	}

	@Override
	public Subscription watch(RoomCode room, Runnable changed) {
		watchers.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(changed);
		return () -> {
			Set<Runnable> set = watchers.get(room);
			if (set != null) {
				set.remove(changed);
			}
		};
	}

	@Override
	public void forget(RoomCode room) {
		rooms.remove(room);
		watchers.remove(room);
	}

	private void changed(RoomCode room) {
		for (Runnable watcher : watchers.getOrDefault(room, Set.of())) {
			watcher.run();
		}
	}

}

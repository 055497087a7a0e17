package org.threadlab.rooms;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Who is in each room and what they do: the state the teacher's page subscribes to. {@link LocalRoster}
 * keeps it in this server's memory; the broker-backed one ({@code rooms.broker}) keeps it in the shared
 * database and tells every container of each change, with the same calls.
 * <p>
 * Thread-safety: any thread; watchers are called on the changing thread and must not block.
 */
public interface Roster {

	/** A new student, with the room's next number. */
	Member add(RoomCode room, String token, String name);

	/** The student whose token this is, if the room has them. */
	Optional<Member> find(RoomCode room, String token);

	/** Changes a student (by number); nothing if the room has no such student. */
	void update(RoomCode room, int id, UnaryOperator<Member> change);

	/** The room's students, by number. */
	List<Member> members(RoomCode room);

	/** Calls {@code changed} after every change in the room. */
	Subscription watch(RoomCode room, Runnable changed);

	/** The room is over: its roster is dropped. */
	void forget(RoomCode room);

}

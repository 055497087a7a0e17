package org.threadlab.rooms;

import java.time.Instant;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** The {@code room} table. Thread-safe, as Spring Data's repositories are. */
interface RoomRecords extends CrudRepository<RoomRecord, String> {

	/** The room ended: its code is joined no more. */
	@Modifying
	@Query("update room set ended_at = :at where code = :code and ended_at is null")
	int markEnded(String code, Instant at);

	/** The room was last active then (while it goes on); a later time another server wrote is kept. */
	@Modifying
	@Query("update room set active_at = greatest(active_at, :at) where code = :code and ended_at is null")
	int markActive(String code, Instant at);

	/** The room's run is held by this server from now on. */
	@Modifying
	@Query("update room set owner = :owner where code = :code")
	int markOwner(String code, String owner);

	/** The lesson the room's class was last sent to, as JSON. */
	@Modifying
	@Query("update room set lesson = :lesson where code = :code")
	int markLesson(String code, String lesson);

	/** Rooms that ended, or were idle since {@code before}, and whose saved runs are gone: their codes are free again. */
	@Modifying
	@Query("delete from room where (ended_at is not null or active_at < :before) and created_at < :before "
			+ "and not exists (select 1 from saved_run s where s.room_code = room.code)")
	int deleteOldBefore(Instant before);

}

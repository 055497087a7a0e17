package org.threadlab.saved;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** The {@code saved_run} table. Thread-safe, as Spring Data's repositories are. */
interface SavedRuns extends CrudRepository<SavedRun, String> {

	/** A room's saved runs, newest first, at most 200. */
	@Query("select * from saved_run where room_code = :room order by saved_at desc limit 200")
	List<SavedRun> inRoom(String room);

	/** Deletes the runs that expired (their recordings go with them). */
	@Modifying
	@Query("delete from saved_run where expires_at < :now")
	int deleteExpired(Instant now);

}

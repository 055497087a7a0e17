package org.threadlab.rooms;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A room as the database keeps it (table {@code room}): its code, the hash of its teacher's secret (never
 * the secret), when it opened, was last active and ended, the server that holds its run ({@code owner},
 * an instance id of {@link RoomOwners}, or null) and the lesson its class was last sent to (JSON, or
 * null). What lives only while it goes on (its run, its followers) is not here. Immutable.
 */
@Table("room")
record RoomRecord(@Id String code, String secretHash, Instant createdAt, Instant activeAt, Instant endedAt,
		String owner, String lesson) {
}

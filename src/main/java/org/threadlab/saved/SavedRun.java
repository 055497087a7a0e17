package org.threadlab.saved;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A saved run as its link and a room's list show it (table {@code saved_run}); its recording is apart
 * ({@link SavedRecording}). Immutable.
 *
 * @param id 128 random bits, base64url: the link's, never listed but to a room's members
 * @param outcome how the run ended ({@code COMPLETED}, {@code DEADLOCK}…)
 * @param roomCode the room whose teacher saved it, or null
 * @param sizeBytes the recording's JSON, before compression
 */
@Table("saved_run")
public record SavedRun(@Id String id, String scenario, String outcome, String roomCode, Instant savedAt,
		Instant expiresAt, int sizeBytes) {
}

package org.threadlab.saved;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A saved run's recording, gzip of its JSON (table {@code saved_recording}). */
@Table("saved_recording")
record SavedRecording(@Id String id, byte[] body) {
}

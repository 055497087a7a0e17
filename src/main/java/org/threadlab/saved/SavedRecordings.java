package org.threadlab.saved;

import org.springframework.data.repository.CrudRepository;

/** The {@code saved_recording} table. */
interface SavedRecordings extends CrudRepository<SavedRecording, String> {
}

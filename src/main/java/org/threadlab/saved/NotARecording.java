package org.threadlab.saved;

/** What was sent to be saved is not a finished run's recording; nothing was saved. */
public final class NotARecording extends Exception {

	public NotARecording(String message) {
		super(message, null, false, false);
	}

}

package org.threadlab.rooms;

import java.util.Map;

/**
 * A room message that was refused; nothing changed. {@code code} is stable for clients
 * ({@code unknown-room}, {@code not-teacher}, {@code rate-limited}, {@code room-full}; docs/protocol.md).
 */
public final class RoomRefused extends Exception {

	private final String code;

	private final transient Map<String, Object> details;

	public RoomRefused(String code, String message, Map<String, Object> details) {
		super(message, null, false, false);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	static RoomRefused unknown(String code) {
		return new RoomRefused("unknown-room", "No room has the code '" + code + "' (or it has ended).",
				Map.of("code", String.valueOf(code)));
	}

	static RoomRefused notTeacher() {
		return new RoomRefused("not-teacher", "Only the room's teacher, with its secret, may do this.", Map.of());
	}

	static RoomRefused rateLimited(long waitNanos) {
		long ms = Math.max(1, waitNanos / 1_000_000);
		return new RoomRefused("rate-limited", "Too many failed joins from this address; try again in " + ms + " ms.",
				Map.of("retryAfterMs", ms));
	}

	public String code() {
		return code;
	}

	public Map<String, Object> details() {
		return details;
	}

}

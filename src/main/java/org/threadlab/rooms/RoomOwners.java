package org.threadlab.rooms;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which server holds each room's run. Every server has an instance id ({@code threadlab.rooms.instance},
 * or its host name and 48 random bits, new at each start); a room's row names the server whose teacher
 * started its last run ({@link #claim}), so that a server whose student joins late knows whom to ask for
 * the run so far. On one server alone, it names that one.
 * <p>
 * Thread-safety: any thread; the database keeps the state.
 */
@Component
public class RoomOwners {

	private final RoomRecords records;

	private final String me;

	RoomOwners(RoomRecords records, @Value("${threadlab.rooms.instance:}") String instance) {
		this.records = records;
		String id = instance.isBlank() ? host() + "-" + Tokens.random(48) : instance;
		this.me = id.replaceAll("[^A-Za-z0-9_-]", "-");
		if (me.length() > 64) {
			throw new IllegalArgumentException("threadlab.rooms.instance: at most 64 characters");
		}
	}

	/** This server's instance id: letters, digits, {@code _} and {@code -}. */
	public String me() {
		return me;
	}

	/** The room's run is held here from now on. */
	void claim(RoomCode room) {
		records.markOwner(room.value(), me);
	}

	/** The server holding the room's run, if it had one. */
	public Optional<String> owner(RoomCode room) {
		return records.findById(room.value()).map(RoomRecord::owner);
	}

	private static String host() {
		String name = System.getenv("HOSTNAME");
		return name == null || name.isBlank() ? "threadlab" : name.substring(0, Math.min(name.length(), 40));
	}

}

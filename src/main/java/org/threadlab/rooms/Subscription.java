package org.threadlab.rooms;

/** A listener's hold on a room's feed, channel or roster: closing it stops the calls. Idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

	Subscription NONE = () -> {
	};

	@Override
	void close();

}

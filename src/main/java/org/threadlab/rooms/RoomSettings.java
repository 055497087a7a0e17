package org.threadlab.rooms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How rooms are kept.
 *
 * @param idleHours a room with nothing done in it (no run, no join, no lesson) for this long ends, and
 *        its followers are told
 * @param maxMembers students one room may have
 * @param joinFailures failed joins (an unknown code, a wrong secret) an address may make in a burst
 * @param joinFailureSeconds then one more every this many seconds: a guessing client is slowed, a class
 *        that types the right code never is
 * @param broker {@value #ALONE}: a room lives in this server's memory; {@value #RABBITMQ}: its run, control
 *        messages and roster cross servers through RabbitMQ ({@code spring.rabbitmq.*}), and the database
 *        must be one they share (PostgreSQL)
 */
@ConfigurationProperties("threadlab.rooms")
public record RoomSettings(double idleHours, int maxMembers, int joinFailures, double joinFailureSeconds,
		String broker) {

	public static final String ALONE = "none";

	public static final String RABBITMQ = "rabbitmq";

	public RoomSettings {
		if (!(idleHours > 0) || maxMembers < 1 || joinFailures < 1 || !(joinFailureSeconds > 0)) {
			throw new IllegalArgumentException("threadlab.rooms: idle-hours and join-failure-seconds above 0, "
					+ "max-members and join-failures at least 1");
		}
		broker = broker == null || broker.isBlank() ? ALONE : broker;
		if (!broker.equals(ALONE) && !broker.equals(RABBITMQ)) {
			throw new IllegalArgumentException("threadlab.rooms.broker: none or rabbitmq, not " + broker);
		}
	}

	long idleNanos() {
		return (long) (idleHours * 3600e9);
	}

}

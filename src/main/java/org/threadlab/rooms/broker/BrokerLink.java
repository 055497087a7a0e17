package org.threadlab.rooms.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.threadlab.rooms.RoomCode;
import org.threadlab.rooms.Subscription;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * This server's line to the others: one topic exchange ({@value #EXCHANGE}) for all rooms, and a queue of
 * this server's own (exclusive: it goes when the server goes) bound to {@code instance.<id>} (what is
 * sent to this server alone) and to {@code room.<code>.*} for each room this server has an interest in
 * (a follower, a teacher, a roster watched), as long as it has. Messages are {@link Wire} JSON, not
 * persistent: what is live is sent again on a gap, never kept. A message this server sent comes back
 * through its room bindings and is passed by (its own listeners heard it when it was sent).
 * <p>
 * Sending never throws: with the broker away, a message is dropped and logged (at most every 10 s), and
 * the rooms of this server go on within it; when the connection comes back, the admin declares the
 * exchange, the queue and its {@code instance} binding again (they are beans) and this link the rooms'
 * bindings.
 * <p>
 * Thread-safety: any thread sends and takes interests; the broker's one consumer thread
 * ({@code threadlab-broker-1}) calls the handlers, in the order the queue holds the messages.
 */
final class BrokerLink {

	static final String EXCHANGE = "threadlab.rooms";

	private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);

	private static final long COMPLAIN_EVERY_NANOS = 10_000_000_000L;

	private final String me;

	private final Queue queue;

	private final RabbitTemplate template;

	private final RabbitAdmin admin;

	private final JsonMapper json;

	private final Map<Class<?>, Consumer<Wire>> handlers = new ConcurrentHashMap<>();

	/** Rooms this server has an interest in, and how many holders each has. Guarded by its own monitor. */
	private final Map<RoomCode, Integer> interests = new ConcurrentHashMap<>();

	private final AtomicLong complainedAt = new AtomicLong(System.nanoTime() - COMPLAIN_EVERY_NANOS);

	/** @param admin the one that declares the exchange, queue and binding beans on each new connection */
	BrokerLink(String me, Queue queue, ConnectionFactory connections, RabbitTemplate template, RabbitAdmin admin,
			JsonMapper json) {
		this.me = me;
		this.queue = queue;
		this.template = template;
		this.admin = admin;
		this.json = json;
		connections.addConnectionListener(connection -> rebind()); // after the admin's own, which came first
	}

	/** A new connection (the first, or after the broker was away): the rooms' bindings, again. */
	private void rebind() {
		for (RoomCode room : interests.keySet()) {
			try {
				admin.declareBinding(binding(room));
			}
			catch (AmqpException ex) {
				complain("could not hear a room through the broker: {}", ex);
			}
		}
	}

	/** This server's instance id. */
	String me() {
		return me;
	}

	/** Calls {@code handler} with each message of this type from another server (on the consumer thread). */
	@SuppressWarnings("unchecked")
	<T extends Wire> void on(Class<T> type, Consumer<T> handler) {
		handlers.put(type, wire -> handler.accept((T) wire));
	}

	/** Sends to every server with an interest in the room. */
	void toRoom(RoomCode room, String topic, Wire message) {
		send("room." + room.value() + "." + topic, message);
	}

	/** Sends to one server. */
	void toServer(String instance, Wire message) {
		send("instance." + instance, message);
	}

	/**
	 * This server hears the room's messages until the returned subscription is closed (interests are
	 * counted: the room's binding goes with the last).
	 */
	Subscription interest(RoomCode room) {
		boolean first;
		synchronized (interests) {
			first = interests.merge(room, 1, Integer::sum) == 1;
		}
		if (first) {
			try {
				admin.declareBinding(binding(room));
			}
			catch (AmqpException ex) {
				complain("could not hear a room through the broker: {}", ex);
			}
		}
		boolean[] closed = { false };
		return () -> {
			synchronized (closed) {
				if (closed[0]) {
					return;
				}
				closed[0] = true;
			}
			lose(room);
		};
	}

	private void lose(RoomCode room) {
		boolean last;
		synchronized (interests) {
			Integer left = interests.computeIfPresent(room, (r, n) -> n == 1 ? null : n - 1);
			last = left == null;
		}
		if (last) {
			try {
				admin.removeBinding(binding(room));
			}
			catch (AmqpException ex) {
				complain("could not stop hearing a room through the broker: {}", ex);
			}
		}
	}

	/** Whether the room's messages come here now. */
	boolean hears(RoomCode room) {
		return interests.containsKey(room);
	}

	private Binding binding(RoomCode room) {
		return new Binding(queue.getName(), Binding.DestinationType.QUEUE, EXCHANGE, "room." + room.value() + ".*", null);
	}

	private void send(String key, Wire message) {
		try {
			MessageProperties properties = new MessageProperties();
			properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			properties.setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT);
			template.send(EXCHANGE, key, new Message(json.writeValueAsBytes(message), properties));
		}
		catch (AmqpException ex) {
			complain("a room's message could not reach the broker: {}", ex);
		}
	}

	/** A message from the queue (the consumer thread): handled by its type, unless this server sent it. */
	void receive(Message message) {
		Wire wire;
		try {
			wire = json.readValue(message.getBody(), Wire.class);
		}
		catch (JacksonException ex) {
			complain("a message from the broker could not be read: {}", ex);
			return;
		}
		if (me.equals(wire.origin())) {
			return;
		}
		Consumer<Wire> handler = handlers.get(wire.getClass());
		if (handler != null) {
			try {
				handler.accept(wire);
			}
			catch (RuntimeException ex) {
				complain("a room's message from the broker could not be handled: {}", ex);
			}
		}
	}

	private void complain(String message, Exception ex) {
		long now = System.nanoTime();
		long last = complainedAt.get();
		if (now - last >= COMPLAIN_EVERY_NANOS && complainedAt.compareAndSet(last, now)) {
			LOG.warn(message, ex.toString());
		}
	}

}

package org.threadlab.rooms.broker;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.threadlab.rooms.RoomOwners;
import org.threadlab.rooms.RoomSettings;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rooms across servers, with {@code threadlab.rooms.broker=rabbitmq}: the broker-backed
 * {@link org.threadlab.rooms.RoomCast}, {@link org.threadlab.rooms.RoomChannel} and
 * {@link org.threadlab.rooms.Roster} in place of the in-memory ones, this server's queue and the room
 * exchange, and one consumer thread. The database must be one every server shares: the server refuses
 * to start on the embedded H2, each server's own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "threadlab.rooms.broker", havingValue = RoomSettings.RABBITMQ)
class BrokerConfig {

	BrokerConfig(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String engine = connection.getMetaData().getDatabaseProductName();
			if (engine.equals("H2")) {
				throw new IllegalStateException("threadlab.rooms.broker=rabbitmq needs a database that every server "
						+ "shares (spring.datasource.url naming a PostgreSQL); this one is the embedded H2, each server's own");
			}
		}
	}

	/** The client library's threads, named. */
	@Bean
	ConnectionFactoryCustomizer namedBrokerThreads() {
		AtomicInteger count = new AtomicInteger();
		return factory -> factory.setThreadFactory(task -> {
			Thread thread = new Thread(task, "threadlab-rabbit-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	TopicExchange roomsExchange() {
		return new TopicExchange(BrokerLink.EXCHANGE, true, false);
	}

	/** This server's own queue: not durable, exclusive, gone with its connection. */
	@Bean
	Queue roomsQueue(RoomOwners owners) {
		return new Queue(BrokerLink.EXCHANGE + "." + owners.me(), false, true, true);
	}

	/** What is sent to this server alone. */
	@Bean
	Binding roomsToThisServer(Queue roomsQueue, RoomOwners owners) {
		return new Binding(roomsQueue.getName(), Binding.DestinationType.QUEUE, BrokerLink.EXCHANGE,
				"instance." + owners.me(), null);
	}

	/** Declares the exchange, the queue and its binding (the beans above) on each new connection; Boot's backs off. */
	@Bean
	RabbitAdmin roomsAdmin(ConnectionFactory connections) {
		return new RabbitAdmin(connections);
	}

	@Bean
	BrokerLink brokerLink(RoomOwners owners, Queue roomsQueue, ConnectionFactory connections, RabbitTemplate template,
			RabbitAdmin admin, JsonMapper json) {
		return new BrokerLink(owners.me(), roomsQueue, connections, template, admin, json);
	}

	/** One consumer, so that a server's messages are handled in the order its queue holds them. */
	@Bean
	SimpleMessageListenerContainer roomsListener(ConnectionFactory connections, Queue roomsQueue, BrokerLink link) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
		container.setQueues(roomsQueue);
		container.setMessageListener(link::receive);
		container.setAcknowledgeMode(AcknowledgeMode.NONE);
		container.setConcurrentConsumers(1);
		container.setMissingQueuesFatal(false);
		container.setTaskExecutor(new SimpleAsyncTaskExecutor("threadlab-broker-"));
		return container;
	}

	@Bean(destroyMethod = "close")
	FeedPublisher feedPublisher(BrokerLink link) {
		return new FeedPublisher(link);
	}

	@Bean
	BrokerRoomCast brokerRoomCast(BrokerLink link, FeedPublisher publisher, RoomOwners owners) {
		return new BrokerRoomCast(link, publisher, owners);
	}

	@Bean
	BrokerRoomChannel brokerRoomChannel(BrokerLink link) {
		return new BrokerRoomChannel(link);
	}

	@Bean(destroyMethod = "close")
	SharedRoster sharedRoster(JdbcClient sql, PlatformTransactionManager transactions, JsonMapper json, BrokerLink link) {
		return new SharedRoster(new MemberRows(sql, new TransactionTemplate(transactions), json), link);
	}

}

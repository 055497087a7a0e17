package org.threadlab.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 NIO connector, which also caps the TCP connections one client (an address; an IPv6
 * /64) holds open at once: a connection over its client's cap is closed as soon as it is accepted,
 * before it is read or costs a buffer. So no client can take all of the server's connections
 * ({@code server.tomcat.max-connections}), say by sending its headers a byte at a time (slowloris), and
 * leave none for the others. A trusted proxy's connections are not capped: it speaks for many clients,
 * whose sockets are capped by their forwarded address instead ({@link SocketCaps}).
 * <p>
 * Tomcat makes it from its class name ({@link TomcatSettings} names it); {@link #limit} sets the cap
 * before the connector starts. Thread-safety: Tomcat's acceptor thread accepts (and so counts up) one
 * connection at a time; connections close, and count down, on any thread.
 */
public class ClientLimitedProtocol extends Http11NioProtocol {

	private final Endpoint endpoint;

	public ClientLimitedProtocol() {
		this(new Endpoint());
	}

	private ClientLimitedProtocol(Endpoint endpoint) {
		super(endpoint);
		this.endpoint = endpoint;
	}

	/**
	 * Caps each client's open connections.
	 * @param perClient connections one client may hold open at once
	 * @param trusted whether an address is a trusted proxy's, whose connections are not capped
	 * @param refused told of each refused connection, with its client, on the acceptor thread; must not block
	 */
	void limit(int perClient, Predicate<InetAddress> trusted, Consumer<String> refused) {
		endpoint.perClient = perClient;
		endpoint.trusted = trusted;
		endpoint.refused = refused;
	}

	/** Connections open now from {@code client} (as {@link ClientAddress} names it). */
	int openFrom(String client) {
		return endpoint.counted.openFrom(client);
	}

	/** The endpoint that refuses a connection over its client's cap. */
	private static final class Endpoint extends NioEndpoint {

		final CountedConnections counted = new CountedConnections();

		volatile int perClient = Integer.MAX_VALUE;

		volatile Predicate<InetAddress> trusted = address -> false;

		volatile Consumer<String> refused = client -> {
		};

		Endpoint() {
			connections = counted;
		}

		@Override
		protected boolean setSocketOptions(SocketChannel socket) {
			InetSocketAddress remote = remoteOf(socket);
			if (remote != null && !trusted.test(remote.getAddress())) {
				String client = ClientAddress.of(remote);
				if (counted.openFrom(client) >= perClient) {
					destroySocket(socket); // closes it, and gives back its place under max-connections
					refused.accept(client);
					return false;
				}
				counted.expect(socket, client);
			}
			if (!super.setSocketOptions(socket)) {
				counted.remove(socket); // Tomcat closed it: it never was an open connection
				return false;
			}
			return true;
		}

		private static InetSocketAddress remoteOf(SocketChannel socket) {
			try {
				return socket.getRemoteAddress() instanceof InetSocketAddress inet ? inet : null;
			}
			catch (IOException closedMeanwhile) {
				return null;
			}
		}

	}

	/**
	 * The endpoint's map of open connections (Tomcat puts a connection in it when it is accepted and
	 * removes it when it closes), counting them by client as it goes.
	 */
	private static final class CountedConnections extends ConcurrentHashMap<SocketChannel, SocketWrapperBase<NioChannel>> {

		private static final long serialVersionUID = 1L;

		/** Accepted connections' clients, from acceptance until Tomcat removes them. */
		private final transient Map<SocketChannel, String> clients = new ConcurrentHashMap<>();

		private final transient Map<String, Integer> open = new ConcurrentHashMap<>();

		int openFrom(String client) {
			return open.getOrDefault(client, 0);
		}

		/** The connection is of {@code client}; it counts from now (Tomcat puts it in the map next). */
		void expect(SocketChannel socket, String client) {
			clients.put(socket, client);
			open.merge(client, 1, Integer::sum);
		}

		@Override
		public SocketWrapperBase<NioChannel> remove(Object socket) {
			SocketWrapperBase<NioChannel> removed = super.remove(socket);
			String client = clients.remove(socket);
			if (client != null) {
				open.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
			}
			return removed;
		}

	}

}

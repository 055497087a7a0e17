package org.threadlab.web;

import java.net.InetAddress;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What the server asks of Tomcat beyond Spring Boot's {@code server.tomcat.*} settings (which bound its
 * connections, threads and timeouts: see application.properties):
 * <ul>
 * <li>each client's connections capped ({@link ClientLimitedProtocol}, {@code threadlab.web.client.max-connections}),
 * a trusted proxy's excepted: the addresses Tomcat's own {@code RemoteIpValve} trusts
 * ({@code server.tomcat.remoteip.internal-proxies}, when {@code server.forward-headers-strategy=native});</li>
 * <li>small buffers for each connection: {@value #CONNECTION_BUFFER_BYTES} bytes each way between the
 * socket and Tomcat, and {@value #WEBSOCKET_BUFFER_BYTES} for each of an open WebSocket's three frame
 * buffers (Tomcat's default, 8 KB each, made an idle socket cost 40 KB; a longer read or write takes a
 * few more calls, no more memory);</li>
 * <li>the security headers on every answer, Tomcat's own error answers too ({@link SecurityHeaders}).</li>
 * </ul>
 * It runs after Spring Boot's own customizer, so it sees the valves that one adds.
 */
@Component
class TomcatSettings implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	static final int CONNECTION_BUFFER_BYTES = 1024;

	static final int WEBSOCKET_BUFFER_BYTES = 1024;

	/** Tomcat's WebSocket frame buffers' size: a system property, read once when its WebSocket classes load. */
	static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	static final String REFUSED_METRIC = "threadlab.web.connections.refused";

	private final WebLimits limits;

	private final Counter refusedConnections;

	private final RefusalLog refusals = new RefusalLog(LoggerFactory.getLogger(ClientLimitedProtocol.class), "connections",
			System::nanoTime);

	TomcatSettings(WebLimits limits, ObjectProvider<MeterRegistry> meters) {
		this.limits = limits;
		this.refusedConnections = Counter.builder(REFUSED_METRIC)
			.description("TCP connections closed at once because their client had its share open")
			.register(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
			// before the web server starts, which is when Tomcat's WebSocket classes load and read it
			System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Integer.toString(WEBSOCKET_BUFFER_BYTES));
		}
		factory.setProtocol(ClientLimitedProtocol.class.getName());
		factory.addEngineValves(new SecurityHeaders());
		int perClient = limits.client().maxConnections();
		factory.addConnectorCustomizers(connector -> {
			connector.setProperty("socket.appReadBufSize", Integer.toString(CONNECTION_BUFFER_BYTES));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(CONNECTION_BUFFER_BYTES));
			if (connector.getProtocolHandler() instanceof ClientLimitedProtocol protocol) {
				protocol.limit(perClient, trustedProxies(factory), client -> {
					refusedConnections.increment();
					refusals.refused("the client " + client + " has " + perClient
							+ " open, its limit (threadlab.web.client.max-connections)");
				});
			}
		});
	}

	/** The addresses Tomcat takes forwarded headers from: none unless the server is set to trust a proxy. */
	private static Predicate<InetAddress> trustedProxies(TomcatServletWebServerFactory factory) {
		Predicate<InetAddress> trusted = address -> false;
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				for (String regex : new String[] { remoteIp.getInternalProxies(), remoteIp.getTrustedProxies() }) {
					if (regex != null && !regex.isEmpty()) {
						Pattern pattern = Pattern.compile(regex);
						trusted = trusted.or(address -> pattern.matcher(address.getHostAddress()).matches());
					}
				}
			}
		}
		return trusted;
	}

}

package org.threadlab.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The caps on open run sockets: {@code threadlab.web.client.max-sockets} per client (an address; an IPv6
 * /64), {@code threadlab.web.max-sockets} in all. An open socket, even an idle one, costs the server
 * memory, so no client may open them without end, nor all clients together. A refusal is counted (the
 * Micrometer counter {@value #REFUSED_METRIC}, tagged {@code cap=client} or {@code cap=server}) and
 * logged once, then at most once a minute ({@link RefusalLog}), so a storm of them cannot flood the log.
 * <p>
 * Thread-safety: any thread; taking a place is atomic, so the caps hold however many sockets open at once.
 */
@Component
class SocketCaps {

	static final String REFUSED_METRIC = "threadlab.web.sockets.refused";

	static final String OPEN_METRIC = "threadlab.web.sockets.open";

	/** Which cap refused a socket. */
	enum Cap {
		/** the client has its share open already */
		CLIENT,
		/** the server has its limit open already */
		SERVER
	}

	private final int max;

	private final int perClient;

	private final AtomicInteger open = new AtomicInteger();

	private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

	private final Counter refusedForClient;

	private final Counter refusedForServer;

	private final RefusalLog log = new RefusalLog(LoggerFactory.getLogger(SocketCaps.class), "run sockets",
			System::nanoTime);

	SocketCaps(WebLimits limits, ObjectProvider<MeterRegistry> meters) {
		this.max = limits.maxSockets();
		this.perClient = limits.client().maxSockets();
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.refusedForClient = Counter.builder(REFUSED_METRIC).tag("cap", "client")
			.description("run sockets refused because their client had its share open").register(registry);
		this.refusedForServer = Counter.builder(REFUSED_METRIC).tag("cap", "server")
			.description("run sockets refused because the server had its limit open").register(registry);
		Gauge.builder(OPEN_METRIC, open, AtomicInteger::get).description("run sockets open").register(registry);
	}

	/** The cap a new socket of {@code client} would break now, or null: a look, which takes no place. */
	Cap full(String client) {
		if (open.get() >= max) {
			return Cap.SERVER;
		}
		Integer mine = byClient.get(client);
		return mine != null && mine >= perClient ? Cap.CLIENT : null;
	}

	/** Takes a place for a socket of {@code client}; null when it has one, else the cap that refused it. */
	Cap take(String client) {
		if (open.incrementAndGet() > max) {
			open.decrementAndGet();
			return Cap.SERVER;
		}
		boolean[] taken = { false };
		byClient.compute(client, (c, n) -> {
			int now = n == null ? 0 : n;
			if (now >= perClient) {
				return n;
			}
			taken[0] = true;
			return now + 1;
		});
		if (!taken[0]) {
			open.decrementAndGet();
			return Cap.CLIENT;
		}
		return null;
	}

	/** Gives back the place of a socket of {@code client} that {@link #take} gave it. */
	void giveBack(String client) {
		byClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
		open.decrementAndGet();
	}

	/** Counts and logs (once in a while) a socket refused by {@code cap}. */
	void refused(Cap cap, String client) {
		(cap == Cap.CLIENT ? refusedForClient : refusedForServer).increment();
		log.refused(cap == Cap.CLIENT
				? "the client " + client + " has " + perClient + " open, its limit (threadlab.web.client.max-sockets)"
				: "the server has " + max + " open, its limit (threadlab.web.max-sockets); the latest from " + client);
	}

	/** Sockets holding a place now. */
	int open() {
		return open.get();
	}

	/** Sockets of {@code client} holding a place now. */
	int openOf(String client) {
		return byClient.getOrDefault(client, 0);
	}

	/** Sockets refused so far, by either cap. */
	long refusals() {
		return (long) (refusedForClient.count() + refusedForServer.count());
	}

	/** What a refused client is told: the close reason after opening, the HTTP reason at the handshake. */
	static String reason(Cap cap) {
		return cap == Cap.CLIENT ? "too many sockets from this client" : "too many sockets on this server";
	}

}

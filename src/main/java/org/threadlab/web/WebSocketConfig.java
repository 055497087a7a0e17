package org.threadlab.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The run socket at {@value #PATH}; its protocol is in docs/protocol.md. Only the server's own pages may
 * open it ({@link HandshakeGuard}, which checks Origin and Host itself, so Spring's own same-origin
 * check, which would answer a malformed Origin with a 500, is switched off), and only while their client
 * and the server have sockets to spare ({@link CappedHandshake}).
 * <p>
 * An idle socket costs a few KB: the container's buffers for one socket are sized for a request (which
 * is a few hundred bytes), not for the longest message one may be, since messages are taken in parts
 * ({@link WholeMessages}); see also {@link TomcatSettings}.
 */
@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

	static final String PATH = "/ws/runs";

	/** A request is a few hundred bytes; anything far bigger is not one of ours (bytes of UTF-8). */
	static final int MAX_INCOMING_MESSAGE = 16 * 1024;

	/**
	 * The container's buffer for incoming text, in chars, which every socket holds while open: a request
	 * fits; a longer message comes in parts. (At {@link #MAX_INCOMING_MESSAGE} it cost 32 KB a socket.)
	 */
	static final int TEXT_BUFFER_CHARS = 512;

	/** Binary messages are refused (1003) at their first part; the buffer only needs to hold a part. */
	static final int BINARY_BUFFER_BYTES = 128;

	private final RunSocketHandler handler;

	private final WebLimits limits;

	private final SocketCaps caps;

	WebSocketConfig(RunSocketHandler handler, WebLimits limits, SocketCaps caps) {
		this.handler = handler;
		this.limits = limits;
		this.caps = caps;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(handler, PATH)
			.addInterceptors(new HandshakeGuard(limits.allowedOrigins()), new CappedHandshake(caps))
			.setAllowedOriginPatterns("*");
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
		container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
		container.setMaxSessionIdleTimeout(limits.idleSeconds() * 1000);
		container.setAsyncSendTimeout(limits.stallSeconds() * 1000);
		return container;
	}

}

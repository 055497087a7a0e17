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
 * check, which would answer a malformed Origin with a 500, is switched off).
 */
@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

	static final String PATH = "/ws/runs";

	/** A request is a few hundred bytes; anything far bigger is not one of ours. */
	static final int MAX_INCOMING_MESSAGE = 16 * 1024;

	private final RunSocketHandler handler;

	private final WebLimits limits;

	WebSocketConfig(RunSocketHandler handler, WebLimits limits) {
		this.handler = handler;
		this.limits = limits;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(handler, PATH)
			.addInterceptors(new HandshakeGuard(limits.allowedOrigins()))
			.setAllowedOriginPatterns("*");
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(MAX_INCOMING_MESSAGE);
		container.setMaxBinaryMessageBufferSize(1024);
		container.setMaxSessionIdleTimeout(limits.idleSeconds() * 1000);
		container.setAsyncSendTimeout(limits.stallSeconds() * 1000);
		return container;
	}

}

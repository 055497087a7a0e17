package org.threadlab.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** The run socket at {@value #PATH}; its protocol is in docs/protocol.md. Same-origin pages only. */
@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

	static final String PATH = "/ws/runs";

	/** A request is a few hundred bytes; anything far bigger is not one of ours. */
	static final int MAX_INCOMING_MESSAGE = 16 * 1024;

	private final RunSocketHandler handler;

	WebSocketConfig(RunSocketHandler handler) {
		this.handler = handler;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(handler, PATH);
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(MAX_INCOMING_MESSAGE);
		container.setMaxBinaryMessageBufferSize(1024);
		return container;
	}

}

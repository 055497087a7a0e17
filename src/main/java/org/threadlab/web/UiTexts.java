package org.threadlab.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words the browser code shows (legend, states, outcomes, errors), taken from the messages in the
 * page's language and handed to the page as one JSON block. The browser has no texts of its own.
 */
@Component
class UiTexts {

	/** Every message whose key starts with {@value #PREFIX}, found in the English file, handed over without it. */
	static final String PREFIX = "ui.";

	static final List<String> KEYS = keys();

	private final MessageSource messages;

	UiTexts(MessageSource messages) {
		this.messages = messages;
	}

	private static List<String> keys() {
		Properties english = new Properties();
		try (InputStream in = UiTexts.class.getClassLoader().getResourceAsStream("messages.properties")) {
			english.load(new InputStreamReader(Objects.requireNonNull(in, "messages.properties"), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return english.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith(PREFIX))
			.map(k -> k.substring(PREFIX.length()))
			.sorted()
			.toList();
	}

	Map<String, String> in(Locale locale) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : KEYS) {
			texts.put(key, messages.getMessage(PREFIX + key, null, locale));
		}
		return texts;
	}

}

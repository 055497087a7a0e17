package org.threadlab.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words the browser code shows (legend, states, outcomes, errors), taken from the messages in the
 * page's language and handed to the page as one JSON block. The browser has no texts of its own.
 */
@Component
class UiTexts {

	static final List<String> KEYS = List.of("state.created", "state.running", "state.sleeping", "state.joining",
			"state.finished", "state.cut-off", "state.killed", "outcome.completed", "outcome.failed",
			"outcome.cancelled", "outcome.dropped", "run.connecting", "run.running", "run.ended",
			"run.disconnected", "timeline.axis", "timeline.empty", "console.title", "console.empty",
			"error.malformed", "error.unknown-type", "error.unknown-scenario", "error.bad-parameter", "error.bad-flag", "error.busy",
			"event.print", "event.join", "event.joined", "event.sleep", "event.spawn", "event.start", "event.exit");

	private final MessageSource messages;

	UiTexts(MessageSource messages) {
		this.messages = messages;
	}

	Map<String, String> in(Locale locale) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : KEYS) {
			texts.put(key, messages.getMessage("ui." + key, null, locale));
		}
		return texts;
	}

}

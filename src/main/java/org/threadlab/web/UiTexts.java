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

	static final List<String> KEYS = List.of("state.created", "state.running", "state.gil-wait", "state.sleeping",
			"state.blocked", "state.waiting", "state.queue-wait", "state.joining", "state.finished", "state.cut-off",
			"state.stopped", "state.killed", "state.gil", "outcome.completed", "outcome.failed", "outcome.cancelled",
			"outcome.stopped", "outcome.deadlock", "outcome.hang", "outcome.dropped", "object.lock", "object.rlock",
			"object.condition", "object.semaphore", "object.bounded-semaphore", "object.queue", "object.value",
			"object.list", "object.future", "future.PENDING", "future.RUNNING", "future.FINISHED",
			"future.CANCELLED", "event.submit", "event.running", "event.done", "event.result", "event.cancel",
			"panel.free", "panel.held-by", "panel.held-count", "panel.permits", "panel.notifies",
			"panel.depth", "panel.length", "panel.value", "panel.waiting", "run.connecting", "run.queued", "run.dequeued", "run.skipped", "run.running", "run.paused", "button.pause", "button.resume", "run.ended",
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

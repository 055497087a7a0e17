package org.threadlab.web;

import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;

/** The messages the server sends on the run socket (docs/protocol.md). Immutable records. */
final class Messages {

	private Messages() {
	}

	record Started(String type, long runId, String scenario, double speed, Map<String, Object> params,
			Map<String, Object> settings) {
		Started(long runId, String scenario, double speed, Map<String, Object> params, Map<String, Object> settings) {
			this("started", runId, scenario, speed, params, settings);
		}
	}

	record Queued(String type, int position) {
		Queued(int position) {
			this("queued", position);
		}
	}

	/** The lesson time when a batch left and how fast it runs then, so a page can tell "now" in between. */
	record Clock(long lessonNs, double rate) {
	}

	/** {@code skipped}: frames since the last batch at which the client was still taking that one. */
	record Events(String type, long runId, List<Event> events, Clock clock, int skipped) {
		Events(long runId, List<Event> events, Clock clock, int skipped) {
			this("events", runId, events, clock, skipped);
		}
	}

	/** {@code jump}: how the last step moved lesson time to wake a sleeper, when nothing was held; or null. */
	record Gate(String type, long runId, boolean paused, List<PauseGate.Held> held, PauseGate.Jump jump) {
		Gate(String type, long runId, PauseGate.Snapshot snapshot) {
			this(type, runId, snapshot.paused(), snapshot.held(), snapshot.jump());
		}

		Gate(long runId, PauseGate.Snapshot snapshot) {
			this("gate", runId, snapshot.paused(), snapshot.held(), snapshot.jump());
		}
	}

	record End(String type, long runId, Outcome outcome) {
		End(long runId, Outcome outcome) {
			this("end", runId, outcome);
		}
	}

	record Error(String type, String code, String message, Map<String, Object> details) {
		Error(String code, String message, Map<String, Object> details) {
			this("error", code, message, details);
		}
	}

}

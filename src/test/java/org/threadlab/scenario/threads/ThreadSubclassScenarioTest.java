package org.threadlab.scenario.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.EXIT;
import static org.threadlab.event.EventKind.JOINED;
import static org.threadlab.event.EventKind.PRINT;
import static org.threadlab.event.EventKind.SLEEP;
import static org.threadlab.event.EventKind.SPAWN;
import static org.threadlab.event.EventKind.START;
import static org.threadlab.event.EventKind.WAKE;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

class ThreadSubclassScenarioTest {

	@Test
	void subclassedThreadsTellTheSameStory() throws Exception {
		Trace trace = Runs.of(new ThreadSubclassScenario()).speed(10).run(Map.of());
		for (String worker : new String[] { "get_detail_html", "get_detail_url" }) {
			assertThat(trace.kindsOf(worker)).containsExactly(SPAWN, START, PRINT, SLEEP, WAKE, PRINT, EXIT);
		}
		assertThat(trace.first("main", JOINED, e -> "get_detail_url".equals(e.object())).cause())
			.isEqualTo(trace.first("get_detail_url", EXIT).seq());
		double elapsed = Double.parseDouble(trace.printsOf("main").get(0).substring("last time: ".length()));
		assertThat(elapsed).isBetween(4.0, 5.0);
	}

}

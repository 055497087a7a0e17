package org.threadlab.scenario.processes;

import static org.assertj.core.api.Assertions.assertThat;


import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** §6.6 on the recorded events: imap hands results out in the list's order, imap_unordered as they finish. */
class ImapScenarioTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).as("no child process is left").isEmpty();
	}

	@Test
	void imapHandsResultsOutInTheListsOrderImapUnorderedAsTheyFinish() throws Exception {
		// at speed 2, the second that separates get_html(3)'s end from get_html(5)'s is 500 ms of real time
		Runs runs = Runs.of(new ImapScenario()).speed(2);
		Trace trace = runs.run(Map.of());
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.printsOf("main")).containsExactly("1 sleep success", "5 sleep success", "3 sleep success",
				"1 sleep success", "3 sleep success", "5 sleep success");
		// imap did not run them in order: 3's result reached the pool before 5's, and waited aside
		List<String> imapResults = trace.of("Thread-3 (_handle_results)").stream()
			.filter(e -> e.kind() == EventKind.GOT && String.valueOf(e.value()).startsWith("(0, "))
			.map(e -> String.valueOf(e.value()))
			.toList();
		assertThat(imapResults).containsExactly("(0, 0, (True, 1))", "(0, 2, (True, 3))", "(0, 1, (True, 5))");
		List<Object> handedOut = trace.of("main").stream()
			.filter(e -> e.kind() == EventKind.GOT && "IMapIterator-0".equals(e.object()))
			.map(Event::value)
			.toList();
		assertThat(handedOut).containsExactly("1", "5", "3");
	}

}

package org.threadlab.scenario.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.run.Outcome;
import org.threadlab.testing.LockHolders;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

class SharedListScenarioTest {

	@Test
	void theListNeverHoldsMoreThanItsLimitOneThreadHoldsTheLockAtATimeAndPollingShows() throws Exception {
		Runs runs = Runs.of(new SharedListScenario()).speed(20);
		Trace trace = runs.run(Map.of("urls", 12, "maxLength", 4, "consumers", 3, "listSeconds", 1,
				"detailSeconds", 1, "pollSeconds", 0.5));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);

		List<Event> writes = trace.events()
			.stream()
			.filter(e -> e.kind() == EventKind.WRITE && "detail_url_list".equals(e.object()))
			.toList();
		assertThat(writes).allSatisfy(e -> assertThat((Long) e.value()).isBetween(0L, 4L));
		assertThat(LockHolders.assertOneHolderAtATime(trace, "lock")).isGreaterThan(24);
		assertThat(trace.allPrints().stream().filter(p -> p.startsWith("get detail html end"))).hasSize(12)
			.doesNotHaveDuplicates();
		long polls = trace.events().stream().filter(e -> e.kind() == EventKind.SLEEP && Double.valueOf(0.5).equals(e.value())).count();
		assertThat(polls).as("threads slept to look again: the polling").isGreaterThan(3);
	}

}

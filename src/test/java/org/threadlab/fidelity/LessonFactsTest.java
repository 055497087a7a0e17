package org.threadlab.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.ScenarioCatalog;

/** Every fidelity case compares some structure of its lesson, not its prints alone. */
class LessonFactsTest {

	@Test
	void everyCaseHasStructuralFactsToCompare() {
		assertThat(Cases.all(new ScenarioCatalog())).allSatisfy(c -> {
			LessonFacts.Of facts = LessonFacts.of(c);
			assertThat(facts.facts()).as("%s: %s", c.title(), facts.skipped()).isNotEmpty();
		});
	}

}

package org.threadlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.gil.GilRaceScenario;

class ScenarioCodeTest {

	@Test
	void namesTheCatalogsPackage() {
		assertThat(ScenarioCode.PACKAGE).isEqualTo(Scenario.class.getPackageName());
	}

	@Test
	void scenarioCodeIsInTheSubPackagesOnly() {
		assertThat(ScenarioCode.isScenarioClass(GilRaceScenario.class.getName())).isTrue();
		assertThat(ScenarioCode.isScenarioClass(Scenario.class.getName())).isFalse();
		assertThat(ScenarioCode.isScenarioClass(Run.class.getName())).isFalse();
	}

}

package org.threadlab.scenario.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadlab.event.EventKind.ACQUIRE;
import static org.threadlab.event.EventKind.WAIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.run.Gil;
import org.threadlab.run.Outcome;
import org.threadlab.testing.Runs;
import org.threadlab.testing.ScriptedOrder;
import org.threadlab.testing.Step;
import org.threadlab.testing.Trace;

class ConditionPoemScenarioTest {

	private static final String TIANMAO = ConditionPoemScenario.TIANMAO;

	private static final String XIAOAI = ConditionPoemScenario.XIAOAI;

	private static List<String> thePoem() {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			lines.add(TIANMAO + ": " + ConditionPoemScenario.TIANMAO_LINES.get(i));
			lines.add(XIAOAI + ": " + ConditionPoemScenario.XIAOAI_LINES.get(i));
		}
		return lines;
	}

	@Test
	void whenXiaoAiWaitsFirstThePoemsLinesComeInExactlyTheRightOrder() throws Exception {
		// XiaoAi is waiting before TianMao takes the lock: the order the tutorial hopes for, forced.
		Runs runs = Runs.of(new ConditionPoemScenario())
			.gate(new ScriptedOrder(List.of(new Step(XIAOAI, WAIT, "cond"), new Step(TIANMAO, ACQUIRE, "cond.lock"))));
		Trace trace = runs.run(Map.of("lineSeconds", 0));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.allPrints()).containsExactlyElementsOf(thePoem());
	}

	@Test
	void startingTianMaoFirstLosesTheFirstNotifyAndTheHangIsFound() throws Exception {
		// TianMao speaks, notifies and waits before XiaoAi even takes the lock.
		Runs runs = Runs.of(new ConditionPoemScenario())
			.gate(new ScriptedOrder(List.of(new Step(TIANMAO, WAIT, "cond"), new Step(XIAOAI, ACQUIRE, "cond.lock"))));
		Trace trace = runs.run(Map.of("tianmaoFirst", true, "lineSeconds", 0));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.HANG);
		assertThat(runs.outcome().error()).contains(TIANMAO + " waits on cond", XIAOAI + " waits on cond");
		assertThat(trace.allPrints()).containsExactly(TIANMAO + ": 小爱同学");
		assertThat(trace.first(TIANMAO, org.threadlab.event.EventKind.NOTIFY).value()).as("the notify woke nobody")
			.isEqualTo(0L);
	}

	/**
	 * Under the GIL, as in CPython, start() returns only once the new thread runs, and the new thread
	 * keeps the GIL until it blocks: started first, XiaoAi is waiting before TianMao exists. No gate
	 * forces it; it holds in every run.
	 */
	@Test
	void underTheGilTheTutorialsStartOrderCompletesThePoemInEveryRun() throws Exception {
		for (int i = 0; i < 15; i++) {
			Runs runs = Runs.of(new ConditionPoemScenario()).speed(100).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005);
			Trace trace = runs.run(Map.of("lineSeconds", 0));
			assertThat(runs.outcome().status()).as("run %d", i).isEqualTo(Outcome.Status.COMPLETED);
			assertThat(trace.allPrints()).as("run %d", i).containsExactlyElementsOf(thePoem());
		}
	}

	@Test
	void underTheGilStartingTianMaoFirstHangsAfterOneLineInEveryRun() throws Exception {
		for (int i = 0; i < 15; i++) {
			Runs runs = Runs.of(new ConditionPoemScenario()).speed(100).gil(Gil.Mode.BACK_EDGES_AND_CALLS, 0.005);
			Trace trace = runs.run(Map.of("tianmaoFirst", true, "lineSeconds", 0));
			assertThat(runs.outcome().status()).as("run %d", i).isEqualTo(Outcome.Status.HANG);
			assertThat(trace.allPrints()).as("run %d", i).containsExactly(TIANMAO + ": 小爱同学");
		}
	}

	@Test
	void withATurnVariableAndWaitForTheOrderOfStartsNoLongerMatters() throws Exception {
		Runs runs = Runs.of(new ConditionPoemScenario())
			.gate(new ScriptedOrder(List.of(new Step(TIANMAO, WAIT, "cond"), new Step(XIAOAI, ACQUIRE, "cond.lock"))));
		Trace trace = runs.run(Map.of("tianmaoFirst", true, "turns", true, "lineSeconds", 0.05));
		assertThat(runs.outcome().status()).isEqualTo(Outcome.Status.COMPLETED);
		assertThat(trace.allPrints()).containsExactlyElementsOf(thePoem());
	}

}

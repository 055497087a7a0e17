package org.threadlab.scenario.sync;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;
import java.util.Map;

import org.threadlab.probe.TracedCondition;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class ConditionPoemScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.flag("tianmaoFirst", false),
			ParameterSpec.flag("turns", false),
			ParameterSpec.decimal("lineSeconds", 0.5, 0, 5));

	static final String TIANMAO = "天猫精灵";

	static final String XIAOAI = "小爱";

	static final List<String> TIANMAO_LINES = List.of("小爱同学", "我们来对古诗吧", "我住长江头", "日日思君不见君", "此水几时休",
			"只愿君心似我心");

	static final List<String> XIAOAI_LINES = List.of("在", "好啊", "君住长江尾", "共饮长江水", "此恨何时已", "定不负相思意");

	//: the-program-tutorial

	/**: xiaoai */
	static void xiaoai(TracedCondition cond, double lineSeconds) throws InterruptedException {
		try (var held = cond.hold()) { // @xiaoai-with
			for (String line : XIAOAI_LINES) {
				cond.await(); // @xiaoai-wait
				print(XIAOAI + ": " + line); // @xiaoai-print
				sleep(lineSeconds); //: takes-a-moment // @xiaoai-sleep
				cond.notifyOne(); // @xiaoai-notify
			}
		} // @xiaoai-with
	}

	static void tianmao(TracedCondition cond, double lineSeconds) throws InterruptedException {
		try (var held = cond.hold()) { // @tianmao-with
			for (String line : TIANMAO_LINES) {
				print(TIANMAO + ": " + line); // @tianmao-print
				sleep(lineSeconds); // @tianmao-sleep
				cond.notifyOne(); //: lost-notify-java // @tianmao-notify
				cond.await(); // @tianmao-wait
			}
		} // @tianmao-with
	}

	//: the-robust-way

	static void speak(TracedCondition cond, String[] turn, String me, String other, List<String> lines,
			double lineSeconds) throws InterruptedException {
		try (var held = cond.hold()) { // @speak-with
			for (String line : lines) {
				cond.awaitUntil(() -> turn[0].equals(me)); // @wait-for
				print(me + ": " + line); // @speak-print
				sleep(lineSeconds); // @speak-sleep
				turn[0] = other; // @turn
				cond.notifyOne(); // @speak-notify
			}
		} // @speak-with
	}

	static void main(Params p) throws InterruptedException {
		var cond = new TracedCondition("cond"); // @cond
		double pace = p.decimal("lineSeconds");
		TracedThread xiaoai;
		TracedThread tianmao;
		if (p.flag("turns")) {
			String[] turn = { TIANMAO };
			xiaoai = new TracedThread(XIAOAI, false, () -> speak(cond, turn, XIAOAI, TIANMAO, XIAOAI_LINES, pace)); // @xiaoai-thread
			tianmao = new TracedThread(TIANMAO, false, () -> speak(cond, turn, TIANMAO, XIAOAI, TIANMAO_LINES, pace)); // @tianmao-thread
		}
		else {
			xiaoai = new TracedThread(XIAOAI, false, () -> xiaoai(cond, pace)); // @xiaoai-thread
			tianmao = new TracedThread(TIANMAO, false, () -> tianmao(cond, pace)); // @tianmao-thread
		}
		if (p.flag("tianmaoFirst")) {
			tianmao.start(); //: wrong-order // @tianmao-start
			xiaoai.start(); // @xiaoai-start
		}
		else {
			xiaoai.start(); //: order-matters-java // @xiaoai-start
			tianmao.start(); // @tianmao-start
		}
	}

	//: how-threadlab-runs-it

	public ConditionPoemScenario() {
		super(lesson("condition-poem", PARAMETERS, ConditionPoemScenario::main)
			.variant("tutorial", Map.of("tianmaoFirst", false, "turns", false))
			.variant("wrong-order", Map.of("tianmaoFirst", true, "turns", false))
			.variant("turns", Map.of("tianmaoFirst", true, "turns", true))
			//: cost
			.cost(waiting(3)));
	}

}

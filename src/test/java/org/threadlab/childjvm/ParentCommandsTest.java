package org.threadlab.childjvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.threadlab.event.ActorInfo;
import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;
import org.threadlab.run.ChildGate;
import org.threadlab.run.ClockSegment;
import org.threadlab.run.Run;
import org.threadlab.run.RunClock;

/** What the parent writes on a child's command pipe is what the child's clock and gate take in, in order. */
class ParentCommandsTest {

	@Test
	void theParentsWordsReachTheChildsClockAndGateInOrder() throws Exception {
		ByteArrayOutputStream pipe = new ByteArrayOutputStream();
		ChildCommands parent = new ChildCommands(pipe, null);
		parent.sync(new ClockSegment(3, false, 10, 20, 30), true);
		parent.clock(new ClockSegment(5, true, 40, 50, 50));
		parent.clock(new ClockSegment(4, false, 45, 55, 55)); // sent late: older than what the child holds
		parent.paused(false);
		parent.step(7);
		parent.close();
		parent.paused(true); // closed: not sent

		Run run = new Run(Run.Home.CHILD, new RunClock(0, 10), 100);
		run.followParent(() -> {
		});
		ChildGate gate = new ChildGate(run);
		Actor thread = run.registerActor("Thread-1", ActorInfo.Type.THREAD, Run.pid(), 0, false);
		ParentCommands child = new ParentCommands(run.clock(), gate);
		String[] lines = pipe.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(5);
		child.accept(lines[0]);
		assertThat(child.awaitSync(0)).as("the first word: lesson time and the pause").isTrue();
		assertThat(run.clock().segment()).isEqualTo(new ClockSegment(3, false, 10, 20, 30));
		assertThat(gate.holds(thread, EventKind.PRINT, null)).as("paused").isTrue();
		child.accept(lines[1]);
		child.accept(lines[2]);
		assertThat(run.clock().segment()).isEqualTo(new ClockSegment(5, true, 40, 50, 50));
		assertThat(run.clock().now()).as("frozen at the parent's lesson time").isEqualTo(50);
		child.accept(lines[3]);
		assertThat(gate.holds(thread, EventKind.PRINT, null)).as("resumed").isFalse();
		child.accept(lines[4]); // a step of a hold that is not there: nothing happens
	}

}

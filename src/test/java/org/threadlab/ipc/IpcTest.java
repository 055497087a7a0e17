package org.threadlab.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.threadlab.event.EventKind.GOT;
import static org.threadlab.event.EventKind.PUT;
import static org.threadlab.event.EventKind.PUT_DONE;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.event.Event;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.builtins.PyException;
import org.threadlab.run.Run;
import org.threadlab.run.RunBody;
import org.threadlab.testing.RunThreads;
import org.threadlab.testing.Runs;
import org.threadlab.testing.Trace;

/** Process queues and pipes between real processes: what crosses, and when. */
class IpcTest {

	@AfterEach
	void noThreadNorChildIsLeft() throws InterruptedException {
		assertThat(RunThreads.awaitNone(Duration.ofSeconds(10))).isEmpty();
		assertThat(RunThreads.awaitNoChildProcesses(Duration.ofSeconds(10))).isEmpty();
	}

	private static Trace run(RunBody main) throws Exception {
		return Runs.completing(main);
	}

	@Test
	void whatAProcessSentOnAPipeWaitsThereAfterItHasEnded() throws Exception {
		Trace trace = run(() -> {
			var ends = Connection.pipe("receive_pipe", "send_pipe", true);
			PyProcess sender = new PyProcess(IpcPrograms.send(ends.get(1), "bobby"));
			sender.start();
			sender.join(); // gone before anyone looked at the pipe
			PyProcess receiver = new PyProcess(IpcPrograms.receiveAndPrint(ends.get(0)));
			receiver.start();
			receiver.join();
		});
		assertThat(trace.printsOf("Process-2")).containsExactly("bobby");
		Event sent = trace.first("Process-1", PUT);
		assertThat(trace.first("Process-2", GOT).cause()).as("the message crossed from the sender's lane").isEqualTo(sent.seq());
	}

	@Test
	void whatAProcessPutInAQueueWaitsThereAfterItHasEnded() throws Exception {
		Trace trace = run(() -> {
			ProcessQueue queue = new ProcessQueue("queue", 10);
			PyProcess producer = new PyProcess(IpcPrograms.put(queue, "a"));
			producer.start();
			producer.join();
			PyProcess consumer = new PyProcess(IpcPrograms.getAndPrint(queue));
			consumer.start();
			consumer.join();
		});
		assertThat(trace.printsOf("Process-2")).containsExactly("a");
		assertThat(trace.first("Process-2", GOT).cause()).isEqualTo(trace.first("Process-1", PUT_DONE).seq());
	}

	@Test
	void aSendIsDoneOnceItsMessageIsInThePipe() throws Exception {
		Trace trace = run(() -> {
			var ends = Connection.pipe("a", "b", true);
			ends.get(0).send("x");
			org.threadlab.probe.Py.print(ends.get(1).recv());
		});
		assertThat(trace.storyOf("main")).containsSubsequence(PUT, PUT_DONE, org.threadlab.event.EventKind.GET, GOT);
		assertThat(trace.printsOf("main")).containsExactly("x");
	}

	@Test
	void aOneWayPipesEndsEachGoOneWayAsCpythonsDo() throws Exception {
		run(() -> {
			var ends = Connection.pipe("reader", "writer", false);
			assertThatThrownBy(() -> ends.get(0).send("x")).isInstanceOf(PyException.class)
				.hasMessage("connection is read-only");
			assertThatThrownBy(() -> ends.get(1).recv()).isInstanceOf(PyException.class)
				.hasMessage("connection is write-only");
		});
	}

	@Test
	void aProcessQueueCrossesOnlyThroughInheritance() throws Exception {
		run(() -> {
			ProcessQueue queue = new ProcessQueue("queue", 1);
			assertThatThrownBy(() -> Pickle.dumps(queue)).isInstanceOf(PyException.class)
				.hasMessage("Queue objects should only be shared between processes through inheritance");
			assertThat(Pickle.loads(Pickle.dumpsForSpawning(queue))).isInstanceOf(ProcessQueue.class);
		});
	}

	@Test
	void aMessagesEnvelopeCarriesItsSenderAndTheObjectPickled() throws Exception {
		run(() -> {
			Run run = org.threadlab.run.Actor.current().run();
			Fifo fifo = Fifo.make(run, Fifo.uniqueName(run, "test")).get(0);
			fifo.write(new Message(Pickle.dumps("hello"), 4242, 17).frame());
			Message read = Message.readFrom(fifo);
			assertThat(read.fromPid()).isEqualTo(4242);
			assertThat(read.fromSeq()).isEqualTo(17);
			assertThat(read.item()).isEqualTo("hello");
		});
	}

	@Test
	void aGetThatMayNotWaitOrWhoseTimeRunsOutRaisesEmptyAndAPutOnAFullQueueRaisesFull() throws Exception {
		java.util.List<Object> seen = new java.util.ArrayList<>();
		Trace trace = run(() -> {
			ProcessQueue queue = new ProcessQueue("queue", 1);
			for (double timeout : new double[] { 0, 0.1 }) {
				try {
					queue.get(timeout > 0, timeout);
				}
				catch (org.threadlab.probe.TracedQueue.Empty empty) {
					seen.add("Empty");
				}
			}
			queue.put("a");
			for (double timeout : new double[] { 0, 0.1 }) {
				try {
					queue.put("b", timeout > 0, timeout);
				}
				catch (org.threadlab.probe.TracedQueue.Full full) {
					seen.add("Full");
				}
			}
			seen.add(queue.get(true, 0.1));
			seen.add(queue.qsize());
		});
		assertThat(seen).containsExactly("Empty", "Empty", "Full", "Full", "a", 0);
		assertThat(trace.events().stream().filter(e -> e.kind() == GOT).map(Event::value))
			.as("what each get took").containsExactly("empty", "empty", "'a'");
		assertThat(trace.events().stream().filter(e -> e.kind() == PUT_DONE).map(Event::value))
			.as("the queue never holds more than maxsize").containsExactly(1L, "full", "full");
	}

}

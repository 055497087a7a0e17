package org.threadlab.cpython;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.threadlab.cpython.TracedPython.Traced;
import org.threadlab.event.EventKind;
import org.threadlab.testing.Pythons;

/**
 * What the runner traces of lessons' own listings under real CPython: the kinds ThreadLab records, on the
 * objects the listing names, each caused by the event that let it happen. Skipped without python3 3.10+.
 */
class CPythonTraceIT {

	private static Traced traced(String scenario, Map<String, ?> values) throws Exception {
		return TracedPython.run(Pythons.interpreter(), RenderedListings.python(scenario, values), 10, 1.0);
	}

	@Test
	void theDeadlockShowsEachThreadHoldingOneLockAndAskingForTheOther() throws Exception {
		Traced run = traced("deadlock", Map.of());
		assertThat(run.exitCode()).as("found hanging").isEqualTo(70);
		assertThat(run.of(EventKind.ACQUIRE)).extracting(e -> e.actor() + " " + e.object())
			.containsExactlyInAnyOrder("A a", "B b", "A b", "B a");
		assertThat(run.of(EventKind.ACQUIRED)).extracting(e -> e.actor() + " " + e.object())
			.containsExactlyInAnyOrder("A a", "B b");
		assertThat(run.of(EventKind.RELEASE)).isEmpty();
	}

	@Test
	void inOneOrderEachLockIsTakenAfterTheReleaseThatFreedIt() throws Exception {
		Traced run = traced("deadlock", Map.of("sameOrder", true));
		assertThat(run.exitCode()).isZero();
		List<PythonEvent> waited = run.of(EventKind.ACQUIRED).stream().filter(e -> e.actor().equals("B")).toList();
		assertThat(waited).hasSize(2);
		for (PythonEvent acquired : waited) {
			PythonEvent release = run.byId(acquired.cause());
			assertThat(release).as("cause of %s", acquired).isNotNull();
			assertThat(release.kind()).isEqualTo(EventKind.RELEASE);
			assertThat(release.actor()).isEqualTo("A");
			assertThat(release.object()).isEqualTo(acquired.object());
			assertThat(release.t()).isLessThanOrEqualTo(acquired.t());
		}
		assertThat(run.of(EventKind.JOINED)).allSatisfy(j -> assertThat(run.byId(j.cause()).kind()).isEqualTo(EventKind.EXIT));
	}

	@Test
	void eachItemOfTheQueueIsGotFromThePutThatFedIt() throws Exception {
		Traced run = traced("queue", Map.of("urls", 12));
		assertThat(run.exitCode()).isZero();
		List<PythonEvent> got = run.of(EventKind.GOT);
		assertThat(got).hasSize(12).allSatisfy(g -> {
			PythonEvent done = run.byId(g.cause());
			assertThat(done.kind()).isEqualTo(EventKind.PUT_DONE);
			assertThat(done.object()).isEqualTo("detail_url_queue").isEqualTo(g.object());
			assertThat(done.actor()).isEqualTo("Thread-1 (get_detail_url)");
			assertThat(g.depth()).isBetween(0, 5);
		});
		assertThat(got).extracting(PythonEvent::cause).doesNotHaveDuplicates();
		assertThat(run.of(EventKind.PUT)).hasSize(12);
		assertThat(run.of(EventKind.PUT_DONE)).extracting(e -> ((Number) e.value()).intValue()).allSatisfy(d -> assertThat(d).isBetween(1, 5));
		assertThat(run.of(EventKind.GET)).hasSizeGreaterThanOrEqualTo(12);
		assertThat(run.of(EventKind.TASK_DONE)).hasSize(12);
		assertThat(run.of(EventKind.JOINED)).extracting(PythonEvent::object).contains("detail_url_queue");
	}

	@Test
	void eachWaitOfThePoemIsEndedByTheOtherSpeakersNotify() throws Exception {
		Traced run = traced("condition-poem", Map.of());
		assertThat(run.exitCode()).isZero();
		List<PythonEvent> woken = run.of(EventKind.WOKEN);
		assertThat(run.of(EventKind.WAIT)).hasSameSizeAs(woken).hasSizeGreaterThanOrEqualTo(11);
		assertThat(woken).allSatisfy(w -> {
			PythonEvent notify = run.byId(w.cause());
			assertThat(notify.kind()).isEqualTo(EventKind.NOTIFY);
			assertThat(notify.object()).isEqualTo("cond").isEqualTo(w.object());
			assertThat(notify.actor()).isNotEqualTo(w.actor());
		});
		assertThat(run.of(EventKind.RELEASE)).extracting(PythonEvent::object).containsOnly("cond");
	}

	@Test
	void theItemCrossesFromTheProducersProcessToTheConsumers() throws Exception {
		Traced run = traced("process-queue", Map.of());
		assertThat(run.exitCode()).isZero();
		assertThat(run.printed()).containsExactly("a");
		PythonEvent got = run.of(EventKind.GOT).get(0);
		PythonEvent done = run.byId(got.cause());
		assertThat(done.kind()).isEqualTo(EventKind.PUT_DONE);
		assertThat(done.pid()).isNotEqualTo(got.pid());
		assertThat(done.actor()).isEqualTo("Process-1/MainThread");
		assertThat(got.actor()).isEqualTo("Process-2/MainThread");
		assertThat(got.value()).isEqualTo("'a'");
		long top = run.of(EventKind.SPAWN).get(0).pid();
		assertThat(run.of(EventKind.SPAWN)).filteredOn(s -> ((Map<?, ?>) s.value()).get("type").equals("process"))
			.extracting(s -> ((Number) ((Map<?, ?>) s.value()).get("ppid")).longValue()).contains(top);
		assertThat(run.of(EventKind.JOINED)).filteredOn(j -> j.object().startsWith("Process-")).hasSize(2).allSatisfy(j -> {
			PythonEvent exit = run.byId(j.cause());
			assertThat(exit.kind()).isEqualTo(EventKind.EXIT);
			assertThat(exit.actor()).isEqualTo(j.object() + "/MainThread");
		});
		assertThat(run.of(EventKind.START)).filteredOn(s -> s.actor().matches("Process-\\d+/MainThread")).hasSize(2)
			.allSatisfy(s -> assertThat(run.byId(s.cause()).kind()).isEqualTo(EventKind.STARTING));
	}

	@Test
	void aPoolsTaskRunsInAWorkerFromItsSubmitAndItsResultComesBackFromItsDone() throws Exception {
		Traced run = traced("pool-apply", Map.of("getTimeout", true));
		assertThat(run.exitCode()).isZero();
		PythonEvent running = run.of(EventKind.RUNNING).get(0);
		PythonEvent submit = run.byId(running.cause());
		assertThat(submit.kind()).isEqualTo(EventKind.SUBMIT);
		assertThat(submit.value()).isEqualTo("get_html(3)");
		assertThat(running.pid()).isNotEqualTo(submit.pid());
		assertThat(running.actor()).startsWith("SpawnPoolWorker-");
		assertThat(run.of(EventKind.WOKEN).get(0).value()).isEqualTo("timed out");
		PythonEvent result = run.of(EventKind.RESULT).get(0);
		assertThat(result.value()).isEqualTo("3");
		assertThat(run.byId(result.cause()).kind()).isEqualTo(EventKind.DONE);
		assertThat(run.byId(result.cause()).pid()).isEqualTo(running.pid());
	}

}

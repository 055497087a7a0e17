package org.threadlab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.threadlab.event.Event;
import org.threadlab.launch.RunLauncher;
import org.threadlab.rooms.ChallengeJudge;
import org.threadlab.rooms.Member;
import org.threadlab.run.Run;

/**
 * A student's own runs as their room's roster shows them: running or not, and a challenge won. A run
 * of a challenge's lesson started paused (as the page's Challenge starts it) is judged at its end from
 * its recorded events ({@link ChallengeJudge}), with the steps the student sent in it.
 * <p>
 * Thread-safety: the socket's own-run callbacks come from the admission thread, the handler and the
 * pump's senders; state is guarded by this object's monitor, the roster is changed outside it.
 */
final class StudentRuns implements SocketSession.OwnRuns {

	private final Consumer<UnaryOperator<Member>> update;

	// guarded by this
	private int steps;

	private boolean challenge;

	private String scenario;

	/** @param update changes the student in the roster */
	StudentRuns(Consumer<UnaryOperator<Member>> update) {
		this.update = update;
	}

	@Override
	public void started(RunLauncher.Launched launched) {
		String id = launched.scenario().id();
		synchronized (this) {
			steps = 0;
			scenario = id;
			challenge = ChallengeJudge.CHALLENGES.contains(id) && launched.settings().flag("paused");
		}
		update.accept(m -> m.running(true));
	}

	@Override
	public synchronized void stepped() {
		steps++;
	}

	@Override
	public void ended(Run run) {
		boolean judged;
		int taken;
		String id;
		synchronized (this) {
			judged = challenge;
			taken = steps;
			id = scenario;
			challenge = false;
		}
		boolean won = judged && id != null && ChallengeJudge.won(id, events(run));
		update.accept(m -> won ? m.running(false).won(id, taken) : m.running(false));
	}

	private static List<Event> events(Run run) {
		List<Event> all = new ArrayList<>();
		long from = 0;
		for (int read; (read = run.recorder().read(from, 10_000, all)) > 0;) {
			from += read;
		}
		return all;
	}

}

package org.threadlab.rooms;

import java.util.List;
import java.util.Map;

import org.threadlab.event.Event;
import org.threadlab.launch.RunLauncher;
import org.threadlab.run.Outcome;
import org.threadlab.run.PauseGate;
import org.threadlab.run.Run;

/**
 * A run of this server read as a room's feed: straight from the run's one trace, so a thousand
 * followers add no copy of it. Thread-safety: as the run's recorder, gate and clock (any thread).
 */
public final class LocalFeed implements LiveFeed {

	private final RunLauncher.Launched launched;

	public LocalFeed(RunLauncher.Launched launched) {
		this.launched = launched;
	}

	private Run run() {
		return launched.run();
	}

	@Override
	public long runId() {
		return run().id();
	}

	@Override
	public String scenario() {
		return launched.scenario().id();
	}

	@Override
	public double speed() {
		return run().clock().speed();
	}

	@Override
	public Map<String, Object> params() {
		return launched.params().asMap();
	}

	@Override
	public Map<String, Object> settings() {
		return launched.settings().asMap();
	}

	@Override
	public int read(long from, int max, List<Event> into) {
		return run().recorder().read(from, max, into);
	}

	@Override
	public long kept() {
		return Math.min(run().recorder().claimed(), run().recorder().capacity());
	}

	@Override
	public long gateVersion() {
		return launched.pause().version();
	}

	@Override
	public PauseGate.Snapshot gate() {
		return launched.pause().snapshot();
	}

	@Override
	public Outcome outcome() {
		return run().outcome().isDone() ? run().outcome().join() : null;
	}

	@Override
	public long lessonNs() {
		return run().clock().now();
	}

	@Override
	public double rate() {
		return run().clock().rate();
	}

}

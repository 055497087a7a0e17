package org.threadlab.rooms;

import org.threadlab.launch.LaunchListener;
import org.threadlab.launch.RunLauncher;
import org.threadlab.run.PauseGate;

/**
 * One run of a room's teacher: owned by the room, not by the teacher's socket, so it goes on for the
 * class when that socket drops, and the teacher takes it back with the room. Once started it is the
 * room's feed ({@link RoomCast#play}); its place in the queue and a failure to start go to the socket
 * teaching the room then ({@link LiveRoom#teacher()}).
 * <p>
 * Thread-safety: the admission thread calls the listener; any thread may steer and replace it.
 */
public final class RoomRun implements LaunchListener {

	/** The socket teaching the room: hears its run's place in the queue, or that it could not start. */
	public interface Line {

		void queued(int position);

		void failed(String message);

	}

	private final LiveRoom room;

	private final RoomCast cast;

	volatile RunLauncher.Pending pending;

	private volatile RunLauncher.Launched launched;

	private volatile boolean replaced;

	RoomRun(LiveRoom room, RoomCast cast) {
		this.room = room;
		this.cast = cast;
	}

	@Override
	public void queued(int position) {
		Line line = room.teacher();
		if (!replaced && line != null) {
			line.queued(position);
		}
	}

	@Override
	public void started(RunLauncher.Launched started) {
		if (replaced) {
			started.run().cancel();
			return;
		}
		launched = started;
		room.touch();
		started.run().outcome().whenComplete((outcome, error) -> room.touch());
		cast.play(room.code(), new LocalFeed(started));
	}

	@Override
	public void failed(String message) {
		Line line = room.teacher();
		if (!replaced && line != null) {
			line.failed(message);
		}
	}

	/** True while it waits for its turn. */
	public boolean isWaiting() {
		RunLauncher.Pending p = pending;
		return p != null && p.isWaiting();
	}

	/** A newer run of the room takes over: this one says nothing more and stops. */
	void replace() {
		replaced = true;
		cancel();
	}

	/** Leaves the queue, or cancels the run (its events and end still come to everyone). */
	public void cancel() {
		RunLauncher.Pending p = pending;
		if (p != null) {
			p.cancel();
		}
	}

	/** Pauses, steps, resumes or cancels the run as the teacher asks; pausing an ended run does nothing. */
	void steer(RoomSignal.Steer steer) {
		if (steer.action().equals("cancel")) {
			cancel();
			return;
		}
		PauseGate gate = liveGate();
		if (gate == null) {
			return;
		}
		switch (steer.action()) {
			case "pause" -> gate.pause();
			case "step" -> gate.step(steer.actor());
			case "resume" -> gate.resume();
			default -> {
				// an action this server does not know: nothing
			}
		}
	}

	/** The run's gate while it goes on, else null: gating it does nothing. */
	public PauseGate liveGate() {
		RunLauncher.Launched l = launched;
		return l == null || l.run().outcome().isDone() ? null : l.pause();
	}

}

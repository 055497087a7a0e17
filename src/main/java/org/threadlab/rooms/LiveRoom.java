package org.threadlab.rooms;

/**
 * A room while it goes on in this server: its code, the hash of its teacher's secret, the lesson the
 * class was last sent to, its run, the socket teaching it, and when something last happened in it.
 * <p>
 * Thread-safety: any thread; the run is replaced under this object's monitor, the rest is volatile.
 */
public final class LiveRoom {

	private final RoomCode code;

	private final String secretHash;

	private volatile long activeAt = System.nanoTime();

	private volatile RoomSignal.Lesson lesson;

	private volatile RoomRun.Line teacher;

	private volatile boolean ended;

	// guarded by this
	private RoomRun run;

	/** The room's control messages as this server hears them (see {@link Rooms}); closed when it ends here. */
	private volatile Subscription heard = Subscription.NONE;

	LiveRoom(RoomCode code, String secretHash) {
		this.code = code;
		this.secretHash = secretHash;
	}

	public RoomCode code() {
		return code;
	}

	boolean isTeacher(String secret) {
		return secret != null && Tokens.same(secretHash, Tokens.hash(secret));
	}

	String secretHash() {
		return secretHash;
	}

	/** Something happened in the room: its idle time starts again. */
	public void touch() {
		activeAt = System.nanoTime();
	}

	long activeAt() {
		return activeAt;
	}

	public RoomSignal.Lesson lesson() {
		return lesson;
	}

	void lesson(RoomSignal.Lesson now) {
		lesson = now;
	}

	/** The socket teaching the room now, or null. */
	public RoomRun.Line teacher() {
		return teacher;
	}

	/** The socket that teaches from now on (null: none); a socket that lost the room no longer hears of its runs. */
	public void teacher(RoomRun.Line line) {
		teacher = line;
	}

	/** Lets go of the line if it is still the teacher's. */
	public void teacherLeft(RoomRun.Line line) {
		if (teacher == line) {
			teacher = null;
		}
	}

	public synchronized RoomRun run() {
		return run;
	}

	/** The new run of the room; the previous one, if any, is returned to be replaced. */
	synchronized RoomRun replaceRun(RoomRun next) {
		RoomRun previous = run;
		run = next;
		return previous;
	}

	void hearing(Subscription subscription) {
		heard = subscription;
	}

	void stopHearing() {
		heard.close();
	}

	boolean isEnded() {
		return ended;
	}

	void end() {
		ended = true;
	}

	boolean isBusy() {
		RoomRun r = run();
		return r != null && (r.isWaiting() || r.liveGate() != null);
	}

}

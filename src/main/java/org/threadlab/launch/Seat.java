package org.threadlab.launch;

/**
 * The room of one run that is not ThreadLab's own (a listing under CPython), asked of the same
 * {@link Admission} as ThreadLab's runs ({@link RunLauncher#seat}): it waits its turn among its
 * client's runs and the others', then holds what it declared until it is released.
 * <p>
 * Thread-safety: {@link #withdraw()} and {@link #release()} from any thread, any number of times;
 * the listener is called on the admission thread.
 */
public final class Seat implements Admission.Listener {

	private final SeatListener listener;

	// guarded by this
	private Admission.Ticket ticket;

	private boolean withdrawn;

	private boolean admitted;

	Seat(SeatListener listener) {
		this.listener = listener;
	}

	/** The ticket the admission gave this seat's request: set once, right after it was taken. */
	void ticket(Admission.Ticket taken) {
		synchronized (this) {
			if (ticket == null) {
				ticket = taken;
			}
			if (!withdrawn || admitted) {
				return;
			}
		}
		if (!taken.withdraw()) {
			taken.release(); // withdrawn before the admission had said anything: it goes back at once
		}
	}

	/** True while it waits for its turn. */
	public synchronized boolean isWaiting() {
		return !withdrawn && !admitted;
	}

	/**
	 * Leaves the queue if it still waits: nothing more is heard of it.
	 * @return true if it waited; false if it was admitted already (then {@link #release()} it when its run ends)
	 */
	public boolean withdraw() {
		Admission.Ticket waiting;
		synchronized (this) {
			if (admitted || withdrawn) {
				return false;
			}
			withdrawn = true;
			waiting = ticket;
		}
		if (waiting != null && !waiting.withdraw()) {
			waiting.release(); // admitted meanwhile: the listener will not be told, the room goes back
		}
		return true;
	}

	/** The run has ended, or will not start: its room goes back. Idempotent; a waiting seat is withdrawn. */
	public void release() {
		Admission.Ticket held;
		synchronized (this) {
			if (!admitted) {
				held = null;
			}
			else {
				held = ticket;
			}
		}
		if (held == null) {
			withdraw();
			return;
		}
		held.release();
	}

	@Override
	public void queued(int position) {
		synchronized (this) {
			if (withdrawn) {
				return;
			}
		}
		listener.queued(position);
	}

	@Override
	public void admitted(Admission.Ticket taken) {
		synchronized (this) {
			ticket = taken;
			if (withdrawn) {
				taken.release();
				return;
			}
			admitted = true;
		}
		listener.admitted(this);
	}

}

package org.threadlab.launch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.threadlab.run.ProcessPermits;

/**
 * Who may run now. Every running run holds what it declared it needs (threads, child processes,
 * cores) out of the server's {@link AdmissionLimits} and out of its client's share; a run that does not
 * fit waits in a fair queue, and its listener hears its place (1 = next) whenever that changes, then
 * that it may start.
 * <p>
 * Fairness: clients take turns, round robin: the client whose run was admitted goes to the back of the
 * rotation, and each client's own runs wait in the order they came. A client at its share waits without
 * holding up anyone else. A run that does not fit the server's free room holds up the runs behind it in
 * the rotation that need the same kind of room (a run that needs a process blocks later runs that need
 * one, not a lesson that only sleeps), so a big run cannot be passed for ever by small ones.
 * <p>
 * Child processes: a run reserves the processes it declared; each child it launches takes a permit
 * ({@link Ticket#permits()}), from the run's reservation first, else from the server's free room,
 * waiting while there is none. So every live child of every run counts against one cap, even one a
 * scenario forgot to declare.
 * <p>
 * What the runs hold, and whether a run fits, is reckoned by {@link Holdings}; this class is the queue.
 * <p>
 * Thread-safety: any thread may enqueue, withdraw, release and take permits; all state is guarded by
 * one lock. Listeners are called on one thread ({@link AdmissionThread}), outside the lock, in the
 * order things happened; a listener must not block.
 */
final class Admission implements AutoCloseable {

	/** Hears what becomes of a run request; called on the admission thread, must not block. */
	interface Listener {

		/** The run waits; its place in the queue, 1 = next. Called again whenever the place changes. */
		void queued(int position);

		/**
		 * The run may start now and holds its room until {@link Ticket#release()}; the listener starts
		 * it, and releases the ticket when the run ends or could not start.
		 */
		void admitted(Ticket ticket);

	}

	private enum State {
		WAITING, ADMITTED, DONE
	}

	/** One run request's place: waiting, then admitted and holding its room, then done. */
	final class Ticket {

		private final String client;

		/** What the run holds once admitted: what it asked for, cut down to what the server could give. */
		private final Amount need;

		private final Listener listener;

		// guarded by lock
		private State state = State.WAITING;

		private int reported;

		private int reservedInUse;

		private int extras;

		private Ticket(String client, Amount need, Listener listener) {
			this.client = client;
			this.need = need;
			this.listener = listener;
		}

		boolean isWaiting() {
			lock.lock();
			try {
				return state == State.WAITING;
			}
			finally {
				lock.unlock();
			}
		}

		/**
		 * Leaves the queue if still waiting: the run will never be admitted.
		 * @return true if it was waiting; false if it was admitted already (stop the run instead) or done
		 */
		boolean withdraw() {
			lock.lock();
			try {
				if (state != State.WAITING) {
					return false;
				}
				state = State.DONE;
				ArrayDeque<Ticket> queue = waiting.get(client);
				queue.remove(this);
				if (queue.isEmpty()) {
					waiting.remove(client);
				}
				waitingCount--;
			}
			finally {
				lock.unlock();
			}
			schedulePass(); // the places behind it moved up
			return true;
		}

		/** The run has ended (or could not start): gives back all it held, children's permits too. Idempotent. */
		void release() {
			lock.lock();
			try {
				if (state == State.WAITING) {
					throw new IllegalStateException("a waiting run holds nothing; withdraw it");
				}
				if (state == State.DONE) {
					return;
				}
				state = State.DONE;
				holdings.giveBack(client, need, extras);
				extras = 0;
				processFreed.signalAll();
			}
			finally {
				lock.unlock();
			}
			schedulePass();
		}

		/** The permits the run's child processes take: the child side calls {@link ProcessPermits#acquire()}. */
		ProcessPermits permits() {
			return this::acquire;
		}

		private ProcessPermits.Permit acquire() throws InterruptedException {
			lock.lockInterruptibly();
			try {
				while (true) {
					if (state != State.ADMITTED) {
						throw new IllegalStateException("the run has ended: it can start no process");
					}
					if (reservedInUse < need.processes()) {
						reservedInUse++;
						return new Permit(this, false);
					}
					if (holdings.takeProcess(client)) {
						extras++;
						return new Permit(this, true);
					}
					extraWaiters++;
					try {
						processFreed.await();
					}
					finally {
						extraWaiters--;
					}
				}
			}
			finally {
				lock.unlock();
			}
		}

		private void close(boolean extra) {
			lock.lock();
			try {
				if (state != State.ADMITTED) {
					return; // the run's release gave everything back already
				}
				if (extra) {
					extras--;
					holdings.giveBackProcess(client);
				}
				else {
					reservedInUse--;
				}
				processFreed.signalAll();
			}
			finally {
				lock.unlock();
			}
			if (extra) {
				schedulePass();
			}
		}

	}

	/** One live child's place; closing it twice gives it back once. */
	private static final class Permit implements ProcessPermits.Permit {

		private final Ticket ticket;

		private final boolean extra;

		private final AtomicBoolean closed = new AtomicBoolean();

		Permit(Ticket ticket, boolean extra) {
			this.ticket = ticket;
			this.extra = extra;
		}

		@Override
		public void close() {
			if (closed.compareAndSet(false, true)) {
				ticket.close(extra);
			}
		}

	}

	private final AdmissionLimits limits;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition processFreed = lock.newCondition();

	// guarded by lock
	private final Holdings holdings;

	/** Clients with runs waiting, in the order of their turns; each client's runs in the order they came. */
	private final LinkedHashMap<String, ArrayDeque<Ticket>> waiting = new LinkedHashMap<>();

	private int waitingCount;

	private int extraWaiters;

	/** Calls the listeners and makes the passes, outside the lock. */
	private final AdmissionThread thread = new AdmissionThread();

	Admission(AdmissionLimits limits) {
		this.limits = limits;
		this.holdings = new Holdings(limits);
	}

	/**
	 * Asks for room for one run of {@code client}. A run that fits and has no one waiting before it is
	 * admitted at once; else it waits.
	 * @throws LaunchRefused {@code busy} when the queue, or the client's part of it, is full
	 */
	Ticket enqueue(String client, Amount asked, Listener listener) throws LaunchRefused {
		Ticket ticket;
		lock.lock();
		try {
			ticket = new Ticket(client, holdings.clip(asked), listener);
			if (waitingCount == 0 && (ticket.need.processes() == 0 || extraWaiters == 0)
					&& holdings.fits(client, ticket.need)) {
				admit(ticket);
				return ticket;
			}
			ArrayDeque<Ticket> mine = waiting.get(client);
			int mineWaiting = mine == null ? 0 : mine.size();
			if (waitingCount >= limits.queue() || mineWaiting >= limits.client().queue()) {
				boolean mineFull = mineWaiting >= limits.client().queue();
				int limit = mineFull ? limits.client().queue() : limits.queue();
				throw new LaunchRefused("busy", mineFull
						? "You already have " + limit + " runs waiting, your limit; try again when one has started."
						: "The server has " + limit + " runs waiting, its limit; try again in a moment.",
						Map.of("limit", limit, "queue", mineFull ? "client" : "server"));
			}
			waiting.computeIfAbsent(client, c -> new ArrayDeque<>()).add(ticket);
			waitingCount++;
		}
		finally {
			lock.unlock();
		}
		schedulePass();
		return ticket;
	}

	Occupancy occupancy() {
		lock.lock();
		try {
			return holdings.occupancy(waitingCount, waiting.keySet());
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void close() {
		thread.close();
	}

	/** Waits until every listener call made so far has returned: for tests. */
	boolean awaitQuiet(long timeout, TimeUnit unit) throws InterruptedException {
		return thread.awaitQuiet(timeout, unit);
	}

	// guarded by lock
	private void admit(Ticket ticket) {
		ticket.state = State.ADMITTED;
		holdings.take(ticket.client, ticket.need);
		thread.call(() -> ticket.listener.admitted(ticket));
	}

	/** Runs {@link #pass()} soon on the admission thread; many requests before it runs make one pass. */
	private void schedulePass() {
		thread.schedulePass(this::pass);
	}

	/** Admits every waiting run that may start now, in fair order, then tells the others their places. */
	private void pass() {
		lock.lock();
		try {
			for (Ticket next; (next = nextToAdmit()) != null;) {
				ArrayDeque<Ticket> queue = waiting.remove(next.client);
				queue.removeFirst();
				if (!queue.isEmpty()) {
					waiting.put(next.client, queue); // to the back of the rotation: the others' turn first
				}
				waitingCount--;
				admit(next);
			}
			reportPlaces();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The first client's first run, in turn order, that fits both its client's share and the server's
	 * free room, and needs no kind of room that a run earlier in the turn order is waiting for.
	 */
	private Ticket nextToAdmit() {
		Set<Amount.Kind> wanted = EnumSet.noneOf(Amount.Kind.class);
		if (extraWaiters > 0) {
			wanted.add(Amount.Kind.PROCESSES); // a running run waiting for a child's place goes first
		}
		for (ArrayDeque<Ticket> queue : waiting.values()) {
			Ticket head = queue.peekFirst();
			if (!holdings.fitsShare(head.client, head.need)) {
				continue; // at its share: it waits for its own runs to end, and holds up no one
			}
			Set<Amount.Kind> lacking = holdings.lacking(head.need);
			boolean wouldOvertake = !Collections.disjoint(head.need.kinds(), wanted);
			if (lacking.isEmpty() && !wouldOvertake) {
				return head;
			}
			wanted.addAll(lacking);
		}
		return null;
	}

	/** Each waiting run's place if clients keep taking turns (1 = next); tells the ones whose place changed. */
	private void reportPlaces() {
		List<Iterator<Ticket>> queues = new ArrayList<>(waiting.size());
		waiting.values().forEach(queue -> queues.add(queue.iterator()));
		int place = 0;
		boolean more = true;
		while (more) {
			more = false;
			for (Iterator<Ticket> queue : queues) {
				if (queue.hasNext()) {
					more = true;
					Ticket ticket = queue.next();
					int position = ++place;
					if (ticket.reported != position) {
						ticket.reported = position;
						thread.call(() -> ticket.listener.queued(position));
					}
				}
			}
		}
	}

}

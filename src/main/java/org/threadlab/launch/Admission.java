package org.threadlab.launch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threadlab.run.ProcessPermits;
import org.threadlab.scenario.RunCost;

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
 * Thread-safety: any thread may enqueue, withdraw, release and take permits; all state is guarded by
 * one lock. Listeners are called on one thread, {@code threadlab-admission}, outside the lock, in the
 * order things happened; a listener must not block.
 */
final class Admission implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

	private static final double EPSILON = 1e-9;

	/** What one run asks for: its {@link RunCost} at its settings, cut down to what a server could give. */
	record Need(int threads, int processes, double cores) {

		static Need of(RunCost cost, boolean gil) {
			return new Need(cost.threads(), cost.processes(), cost.cores(gil));
		}

	}

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

	/** What a client (or the whole server) holds and has waiting; guarded by the admission's lock. */
	private static final class Usage {

		int threads;

		int processes;

		double cores;

		int running;

		int waiting;

		boolean fits(Need need, int maxThreads, int maxProcesses, double maxCores) {
			return threads + need.threads <= maxThreads && processes + need.processes <= maxProcesses
					&& cores + need.cores <= maxCores + EPSILON;
		}

		void add(Need need, int sign) {
			threads += sign * need.threads;
			processes += sign * need.processes;
			cores += sign * need.cores;
			running += sign;
		}

		boolean isEmpty() {
			return running == 0 && waiting == 0 && processes == 0;
		}

	}

	/** One run request's place: waiting, then admitted and holding its room, then done. */
	final class Ticket {

		private final String client;

		private final Need need;

		private final Listener listener;

		// guarded by lock
		private State state = State.WAITING;

		private int reported;

		private int reservedInUse;

		private int extras;

		private Ticket(String client, Need need, Listener listener) {
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
				Usage mine = byClient.get(client);
				mine.waiting--;
				forgetIfEmpty(client, mine);
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
				Usage mine = byClient.get(client);
				total.add(need, -1);
				mine.add(need, -1);
				total.processes -= extras;
				mine.processes -= extras;
				extras = 0;
				forgetIfEmpty(client, mine);
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
					if (reservedInUse < need.processes) {
						reservedInUse++;
						return new Permit(this, false);
					}
					Usage mine = byClient.get(client);
					if (total.processes < limits.processes() && mine.processes < limits.client().processes()) {
						extras++;
						total.processes++;
						mine.processes++;
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
					total.processes--;
					byClient.get(client).processes--;
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
	private final Usage total = new Usage();

	private final Map<String, Usage> byClient = new HashMap<>();

	/** Clients with runs waiting, in the order of their turns; each client's runs in the order they came. */
	private final LinkedHashMap<String, ArrayDeque<Ticket>> waiting = new LinkedHashMap<>();

	private int waitingCount;

	private int extraWaiters;

	private final ExecutorService notifier = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-admission");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean passScheduled = new AtomicBoolean();

	Admission(AdmissionLimits limits) {
		this.limits = limits;
	}

	/**
	 * Asks for room for one run of {@code client}. A run that fits and has no one waiting before it is
	 * admitted at once; else it waits.
	 * @throws LaunchRefused {@code busy} when the queue, or the client's part of it, is full
	 */
	Ticket enqueue(String client, Need asked, Listener listener) throws LaunchRefused {
		Need need = clip(asked);
		Ticket ticket = new Ticket(client, need, listener);
		lock.lock();
		try {
			Usage mine = byClient.computeIfAbsent(client, c -> new Usage());
			if (waitingCount == 0 && (need.processes == 0 || extraWaiters == 0) && fits(mine, need)) {
				admit(ticket, mine);
				return ticket;
			}
			if (waitingCount >= limits.queue() || mine.waiting >= limits.client().queue()) {
				forgetIfEmpty(client, mine);
				boolean mineFull = mine.waiting >= limits.client().queue();
				int limit = mineFull ? limits.client().queue() : limits.queue();
				throw new LaunchRefused("busy", mineFull
						? "You already have " + limit + " runs waiting, your limit; try again when one has started."
						: "The server has " + limit + " runs waiting, its limit; try again in a moment.",
						Map.of("limit", limit, "queue", mineFull ? "client" : "server"));
			}
			waiting.computeIfAbsent(client, c -> new ArrayDeque<>()).add(ticket);
			waitingCount++;
			mine.waiting++;
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
			return new Occupancy(total.running, waitingCount, total.threads, total.processes, total.cores,
					byClient.size());
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void close() {
		notifier.shutdownNow();
	}

	/** Waits until every listener call made so far has returned: for tests. */
	boolean awaitQuiet(long timeout, TimeUnit unit) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		notifier.execute(done::countDown);
		return done.await(timeout, unit);
	}

	private Need clip(Need need) {
		return new Need(Math.max(1, Math.min(need.threads, Math.min(limits.threads(), limits.client().threads()))),
				Math.min(need.processes, Math.min(limits.processes(), limits.client().processes())),
				Math.min(need.cores, Math.min(limits.cores(), limits.client().cores())));
	}

	// guarded by lock
	private boolean fits(Usage mine, Need need) {
		return fitsShare(mine, need) && total.fits(need, limits.threads(), limits.processes(), limits.cores());
	}

	private boolean fitsShare(Usage mine, Need need) {
		AdmissionLimits.Share share = limits.client();
		return mine.fits(need, share.threads(), share.processes(), share.cores());
	}

	// guarded by lock
	private void admit(Ticket ticket, Usage mine) {
		ticket.state = State.ADMITTED;
		total.add(ticket.need, 1);
		mine.add(ticket.need, 1);
		call(() -> ticket.listener.admitted(ticket));
	}

	private void forgetIfEmpty(String client, Usage usage) {
		if (usage.isEmpty()) {
			byClient.remove(client);
		}
	}

	/** Runs {@link #pass()} soon on the admission thread; many requests before it runs make one pass. */
	private void schedulePass() {
		if (passScheduled.compareAndSet(false, true)) {
			try {
				notifier.execute(() -> {
					passScheduled.set(false);
					pass();
				});
			}
			catch (RejectedExecutionException shuttingDown) {
				passScheduled.set(false);
			}
		}
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
				Usage mine = byClient.get(next.client);
				mine.waiting--;
				admit(next, mine);
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
		boolean threadsWanted = false;
		boolean processesWanted = extraWaiters > 0; // a running run waiting for a child's place goes first
		boolean coresWanted = false;
		for (Map.Entry<String, ArrayDeque<Ticket>> entry : waiting.entrySet()) {
			Ticket head = entry.getValue().peekFirst();
			Need need = head.need;
			if (!fitsShare(byClient.get(entry.getKey()), need)) {
				continue; // at its share: it waits for its own runs to end, and holds up no one
			}
			boolean lacksThreads = total.threads + need.threads > limits.threads();
			boolean lacksProcesses = need.processes > 0 && total.processes + need.processes > limits.processes();
			boolean lacksCores = need.cores > 0 && total.cores + need.cores > limits.cores() + EPSILON;
			boolean wouldOvertake = threadsWanted || (need.processes > 0 && processesWanted)
					|| (need.cores > 0 && coresWanted);
			if (!lacksThreads && !lacksProcesses && !lacksCores && !wouldOvertake) {
				return head;
			}
			threadsWanted |= lacksThreads;
			processesWanted |= lacksProcesses;
			coresWanted |= lacksCores;
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
						call(() -> ticket.listener.queued(position));
					}
				}
			}
		}
	}

	/** Calls a listener on the admission thread, after what was called before; never under the lock's care. */
	private void call(Runnable listenerCall) {
		try {
			notifier.execute(() -> {
				try {
					listenerCall.run();
				}
				catch (RuntimeException ex) {
					LOG.warn("a run's listener failed: {}", ex.toString());
				}
			});
		}
		catch (RejectedExecutionException shuttingDown) {
			// the server is stopping: nobody is listening any more
		}
	}

}

package org.threadlab.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Finds a deadlock the moment its cycle closes, and a hang the moment the last running thread of the
 * run starts to wait for something nothing can bring: the wait-for graph of the run's threads over the
 * primitives they wait on. Each blocking step tells it, through the hook, what its actor waits on
 * ({@link #waiting}) and when it goes on ({@link #running}); primitives change the state that
 * {@link Blocker#canProceed} reads under its lock ({@link #change}).
 * <p>
 * A deadlock: the new waiter waits on something only an actor can give (a lock its holder must release,
 * a thread that must end for a join, a task a worker must finish for {@code result()}) whose actor
 * waits, transitively, on something the new waiter must give; a cycle of one is a thread taking a plain
 * Lock twice. A plain Lock may be released by any thread, but threads release the locks they took (every
 * lesson does), so its holder is the thread that took it, and a cycle of two or more threads through it
 * is reported the moment it closes, whatever other threads still run: a heartbeat beside a deadlock does
 * not hide it. A thread taking again a plain Lock it took itself is the one ambiguous case: that is also
 * how a Lock serves as a signal another thread gives by releasing it, so it is a deadlock only once no
 * other thread is left that could. A hang: every live actor
 * waits, without a timeout, on something that cannot let it go on, and one of them at least is not a
 * daemon (daemons alone do not keep a process alive). Either way the finding is returned to the hook,
 * which ends the run.
 * <p>
 * Across processes: a child's actors count here too (its process and threads, from their SPAWN to their
 * EXIT), and run as far as the watchdog knows, unless the child said that one waits for ever on a process
 * queue ({@link ChildActors}). What they say comes late, so a hang that rests on such a wait, or on a
 * wait for a process queue here ({@link Blocker#heardLate}), is reported only once it has held for
 * {@value #CONFIRM_MILLIS} ms with nothing changed: an imap whose worker was killed, whose results can
 * never come, is a hang.
 * <p>
 * Thread-safety: every method takes the watchdog's one lock; the work under it is small. A hang confirmed
 * later is reported on the {@code threadlab-watchdog} thread.
 */
public final class Watchdog {

	/**
	 * What the watchdog found: a deadlock's cycle or a hang's waits. Actor i waits on object i, a wait
	 * of kind i ("lock", "join", "result", "condition", "queue", "futures"); in a cycle, object i is held
	 * by actor i+1. The description is English, for logs; a page builds its own sentence from the lists.
	 */
	public record Finding(boolean deadlock, List<String> actors, List<String> objects, List<String> kinds,
			String description) {

		public Map<String, Object> asValue() {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("actors", actors);
			value.put("objects", objects);
			value.put("kinds", kinds);
			value.put("description", description);
			return value;
		}

	}

	/** How long a hang that rests on news from other processes must hold before it is reported. */
	public static final long CONFIRM_MILLIS = 1000;

	/** Looks again at hangs that wait for confirmation, for every run; only schedules, never blocks. */
	private static final ScheduledExecutorService CONFIRMER = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private final Object lock = new Object();

	private final Set<Actor> live = new HashSet<>();

	private final Map<Actor, Blocker> waits = new LinkedHashMap<>();

	private final BiConsumer<Actor, Finding> confirmed;

	private boolean found;

	/** Bumped by every change the watchdog hears of: a confirmation holds only if none came meanwhile. */
	private long changes;

	/** The value of {@link #changes} a confirmation is pending for, or -1. */
	private long confirming = -1;

	/** A watchdog whose confirmed hangs are lost: for a run's parts tested alone. */
	public Watchdog() {
		this((finder, finding) -> {
		});
	}

	/** @param confirmed told of a hang confirmed later, with the actor whose wait found it; outside the lock */
	public Watchdog(BiConsumer<Actor, Finding> confirmed) {
		this.confirmed = confirmed;
	}

	/** An actor begins to run (its thread started). */
	public void started(Actor actor) {
		synchronized (lock) {
			changes++;
			live.add(actor);
		}
	}

	/** An actor ended: the others may now be stuck for good. */
	public Finding exited(Actor actor) {
		synchronized (lock) {
			changes++;
			live.remove(actor);
			waits.remove(actor);
			return hang(actor, false);
		}
	}

	/** The actor is about to block on {@code blocker} without a timeout. */
	public Finding waiting(Actor actor, Blocker blocker) {
		synchronized (lock) {
			changes++;
			waits.put(actor, blocker);
			Finding cycle = cycleFrom(actor);
			return cycle != null ? cycle : hang(actor, false);
		}
	}

	/** The actor goes on (its wait returned, or it never blocked). */
	public void running(Actor actor) {
		synchronized (lock) {
			changes++;
			waits.remove(actor);
		}
	}

	/**
	 * The actor got what it waited for: its wait ends and the primitive's state changes in one step, so
	 * no check can see it both still waiting and already holding (which would look like a hang).
	 */
	public void acquired(Actor actor, Runnable change) {
		synchronized (lock) {
			changes++;
			waits.remove(actor);
			change.run();
		}
	}

	/** Changes a primitive's state as the watchdog sees it, atomically with its checks. */
	public void change(Runnable change) {
		synchronized (lock) {
			changes++;
			change.run();
		}
	}

	private Finding cycleFrom(Actor start) {
		List<Actor> path = new ArrayList<>();
		List<String> objects = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		Actor current = start;
		Set<Actor> seen = new HashSet<>();
		while (current != null && seen.add(current)) {
			Blocker blocker = waits.get(current);
			if (blocker == null || blocker.canProceed(current)) {
				return null;
			}
			// asked once: a holder may be computed from state another thread changes (a worker ending its task)
			List<Actor> holders = blocker.holders();
			if (holders.isEmpty()) {
				return null;
			}
			path.add(current);
			objects.add(blocker.name());
			kinds.add(blocker.kind());
			current = holders.get(0);
			if (current == start) {
				if (path.size() == 1 && blocker.anyoneMayRelease() && !othersStuck(start)) {
					return null; // a Lock used as a signal: another running thread may still release it
				}
				return report(true, path, objects, kinds, describeCycle(path, objects, kinds));
			}
		}
		return null;
	}

	/** Every live actor but {@code self} waits on something that cannot let it go on. */
	private boolean othersStuck(Actor self) {
		for (Actor actor : live) {
			if (actor != self) {
				Blocker blocker = waits.get(actor);
				if (blocker == null || blocker.canProceed(actor)) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * The hang, if every live actor is stuck now; one that rests on news from other processes is only
	 * scheduled for confirmation, unless this is it ({@code confirming}).
	 */
	private Finding hang(Actor finder, boolean confirmation) {
		if (found || live.stream().allMatch(a -> a.info().daemon())) {
			return null; // with only daemons left the process simply ends: that is no hang
		}
		boolean late = false;
		for (Actor actor : live) {
			Blocker blocker = waits.get(actor);
			if (blocker == null || blocker.canProceed(actor)) {
				return null;
			}
			late |= blocker.heardLate();
		}
		// Everyone is stuck: if some of them wait in a cycle, that is the deadlock to report.
		for (Actor actor : live) {
			Finding cycle = cycleFrom(actor);
			if (cycle != null) {
				return cycle;
			}
		}
		if (late && !confirmation) {
			if (confirming != changes) {
				long version = changes;
				confirming = version;
				CONFIRMER.schedule(() -> confirm(version, finder), CONFIRM_MILLIS, TimeUnit.MILLISECONDS);
			}
			return null;
		}
		List<Actor> actors = new ArrayList<>(live);
		List<String> objects = actors.stream().map(a -> waits.get(a).name()).toList();
		List<String> kinds = actors.stream().map(a -> waits.get(a).kind()).toList();
		StringBuilder description = new StringBuilder("every thread waits and nothing can wake it: ");
		for (int i = 0; i < actors.size(); i++) {
			description.append(i == 0 ? "" : "; ").append(actors.get(i).name()).append(" waits on ").append(objects.get(i));
		}
		return report(false, actors, objects, kinds, description.toString());
	}

	/** The hang found {@link #CONFIRM_MILLIS} ago, if nothing has changed since: reported now. */
	private void confirm(long version, Actor finder) {
		Finding finding;
		synchronized (lock) {
			if (confirming == version) {
				confirming = -1;
			}
			if (found || changes != version) {
				return;
			}
			finding = hang(finder, true);
		}
		if (finding != null) {
			confirmed.accept(finder, finding);
		}
	}

	private static String describeCycle(List<Actor> path, List<String> objects, List<String> kinds) {
		if (path.size() == 1) {
			return path.get(0).name() + " waits for " + objects.get(0) + ", which it holds itself";
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < path.size(); i++) {
			String next = path.get((i + 1) % path.size()).name();
			text.append(i == 0 ? "" : "; ").append(path.get(i).name()).append(switch (kinds.get(i)) {
				case "join" -> " waits for " + next + " to end";
				case "result" -> " waits for the result of " + objects.get(i) + ", which " + next + " runs";
				default -> " waits for " + objects.get(i) + ", held by " + next;
			});
		}
		return text.toString();
	}

	private Finding report(boolean deadlock, List<Actor> actors, List<String> objects, List<String> kinds,
			String description) {
		if (found) {
			return null;
		}
		found = true;
		return new Finding(deadlock, actors.stream().map(Actor::name).toList(), List.copyOf(objects),
				List.copyOf(kinds), description);
	}

}

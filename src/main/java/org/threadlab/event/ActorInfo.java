package org.threadlab.event;

/**
 * Who an actor is, carried by its {@link EventKind#SPAWN} event.
 *
 * @param id     the run-wide id used by every later event of this actor
 * @param name   the name the scenario gave it ("Thread-1 (get_detail_html)", "main")
 * @param type   a thread, or a process (then the actor stands for that process's main thread)
 * @param pid    the OS process the actor lives in
 * @param parent the id of the actor that created it, or -1 for the run's first actor
 * @param daemon Python's daemon flag: a daemon dies with its process instead of keeping it alive
 */
public record ActorInfo(int id, String name, Type type, long pid, int parent, boolean daemon) {

	public enum Type {
		THREAD, PROCESS
	}

	public static final int NO_PARENT = -1;

}

package org.threadlab.probe;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;
import org.threadlab.builtins.PyRepr;
import org.threadlab.run.Actor;
import org.threadlab.builtins.PyValueError;

/**
 * Python's {@code time.sleep}, {@code time.time} and {@code print} for scenario code, so the Java listing
 * reads like the Python one. Each acts for the calling thread's actor and passes through the run's hook.
 * Safe from any thread that plays an actor of a run.
 */
public final class Py {

	private Py() {
	}

	/**
	 * Really sleeps for {@code seconds} of tutorial time, which is {@code seconds / speed} of real time.
	 * @throws InterruptedException when the run is cancelled while sleeping (nothing is recorded then:
	 * the actor's EXIT tells how it ended)
	 */
	public static void sleep(double seconds) throws InterruptedException {
		if (!(seconds >= 0)) {
			throw new PyValueError("sleep length must be non-negative");
		}
		Actor me = Actor.current();
		me.hook().beforeTimed(me, EventKind.SLEEP, null, seconds, seconds);
		me.hook().sleepOut(me);
		me.hook().after(me, EventKind.WAKE, null, null, Event.NO_CAUSE);
	}

	/** Lesson seconds since the run started; differences of it are what Python's time.time() measures. */
	public static double time() {
		return Actor.current().run().clock().seconds();
	}

	/**
	 * The back-edge of a loop: where CPython 3.10 and later may hand the GIL to another thread. Scenario
	 * loops call it at the end of each iteration. Throws when the run is stopping, so long loops end.
	 */
	public static void backEdge() throws InterruptedException {
		Actor me = Actor.current();
		me.hook().backEdge(me);
	}

	/** Steps of the calling actor from now on are recorded (false) or only sampled (true): see Actor#quiet. */
	public static void quiet(boolean quiet) {
		Actor.current().quiet(quiet);
	}

	/** Prints a line to the run's console, as Python's print: the parts' {@code str()} joined by spaces. */
	public static void print(Object... parts) {
		Actor me = Actor.current();
		String line = Arrays.stream(parts).map(PyRepr::str).collect(Collectors.joining(" "));
		me.hook().instant(me, EventKind.PRINT, null, line, Event.NO_CAUSE);
	}

	/** Python's {@code str(value)}: {@code True}, {@code None}, {@code 2.0}, {@code [1, 'a']}. */
	public static String str(Object value) {
		return PyRepr.str(value);
	}

	/** Python's {@code repr(value)}. */
	public static String repr(Object value) {
		return PyRepr.repr(value);
	}

}

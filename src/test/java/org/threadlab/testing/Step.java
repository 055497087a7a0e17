package org.threadlab.testing;

import java.util.Objects;
import java.util.regex.Pattern;

import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;

/**
 * A step an actor takes, as a test's gate names it: who (an exact name, or a pattern for actors named
 * at run time, like a pool's workers), what, on which object (null: any).
 */
public record Step(Pattern actor, EventKind kind, String object) {

	public Step(String actor, EventKind kind, String object) {
		this(Pattern.compile(Pattern.quote(actor)), kind, object);
	}

	/** A step of any actor whose name matches {@code regex}, on any object. */
	public static Step byAnyMatching(String regex, EventKind kind) {
		return new Step(Pattern.compile(regex), kind, null);
	}

	public boolean is(Actor who, EventKind kind, String object) {
		return actor.matcher(who.name()).matches() && this.kind == kind
				&& (this.object == null || Objects.equals(this.object, object));
	}

}

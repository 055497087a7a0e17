package org.threadlab.testing;

import org.threadlab.event.EventKind;
import org.threadlab.run.Actor;

/** A step an actor takes, as a test's gate names it: who, what, on which object. */
public record Step(String actor, EventKind kind, String object) {

	public boolean is(Actor who, EventKind kind, String object) {
		return actor.equals(who.name()) && this.kind == kind && java.util.Objects.equals(this.object, object);
	}

}

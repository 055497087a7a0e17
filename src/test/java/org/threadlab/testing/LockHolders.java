package org.threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.threadlab.event.Event;
import org.threadlab.event.EventKind;

/** Checks on a trace that a lock had at most one holder at every instant. */
public final class LockHolders {

	private LockHolders() {
	}

	/** Walks the trace in order: between an ACQUIRED and its RELEASE, nobody else acquires the lock. */
	public static int assertOneHolderAtATime(Trace trace, String lock) {
		int holder = -1;
		int acquisitions = 0;
		for (Event e : trace.events()) {
			if (!lock.equals(e.object())) {
				continue;
			}
			if (e.kind() == EventKind.ACQUIRED && !"not acquired".equals(e.value())) {
				assertThat(holder).as("lock %s taken at seq %d while actor %d holds it", lock, e.seq(), holder).isEqualTo(-1);
				holder = e.actor();
				acquisitions++;
			}
			else if (e.kind() == EventKind.RELEASE) {
				assertThat(holder).as("release of %s at seq %d by its holder", lock, e.seq()).isEqualTo(e.actor());
				holder = -1;
			}
		}
		return acquisitions;
	}

}

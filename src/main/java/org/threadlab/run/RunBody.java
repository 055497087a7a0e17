package org.threadlab.run;

/** The code a run's main actor runs: a scenario's main program. */
@FunctionalInterface
public interface RunBody {

	void run() throws Exception;

}

package org.threadlab.cpython;

/**
 * A line of the CPython runner's trace, as {@link TraceLines} reads it: an event, or the note that a
 * process stopped tracing because it wrote as many events as it may. Immutable.
 */
public sealed interface TraceLine permits PythonEvent, TraceCut {

	/** Lesson seconds since the program started. */
	double t();

	/** Who: the thread, after its process's name unless that is the program's own ("Process-1/MainThread"). */
	String actor();

}

package org.threadlab.cpython;

/**
 * A process of the program stopped tracing: it wrote {@code written} events, as many as one process may
 * ({@code "\u001ec\t<t>\t<actor>\t<written>"}). Its steps after this are missing from the trace. Immutable.
 */
public record TraceCut(double t, String actor, long written) implements TraceLine {
}

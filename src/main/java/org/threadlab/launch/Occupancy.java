package org.threadlab.launch;

/**
 * How full the server is at one moment. Immutable.
 *
 * @param running runs admitted and not yet ended
 * @param waiting runs waiting in the queue
 * @param threads server threads the running runs hold (as they declared them)
 * @param processes child processes they hold
 * @param cores cores' worth of CPU-bound work they hold
 * @param clients clients with a run running or waiting
 */
public record Occupancy(int running, int waiting, int threads, int processes, double cores, int clients) {
}

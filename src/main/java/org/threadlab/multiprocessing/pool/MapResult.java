package org.threadlab.multiprocessing.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CPython's {@code MapResult}: the result of {@code map_async} (and of {@code map}, which waits for it),
 * filled chunk by chunk as the worker processes send their chunks back; ready once every chunk is in,
 * and then successful only if none raised (the first exception is kept). Thread-safety: the result
 * handler sets it; any thread reads it through {@link AsyncResult}.
 */
public final class MapResult<T> extends AsyncResult<List<T>> {

	private final int chunksize;

	// guarded by this
	private final List<T> values;

	private int left;

	private Throwable raised;

	MapResult(PoolCache cache, int job, String call, int chunksize, int length) {
		super(cache, job, call);
		this.chunksize = chunksize;
		this.values = new ArrayList<>(Collections.nCopies(length, null));
		this.left = chunksize <= 0 ? 0 : length / chunksize + (length % chunksize == 0 ? 0 : 1);
		if (left == 0) {
			finish(true, List.of());
		}
	}

	/** A chunk's results (a list), or what it raised. */
	@Override
	@SuppressWarnings("unchecked")
	public void set(int index, boolean success, Object value) {
		boolean last;
		synchronized (this) {
			left--;
			if (success && raised == null) {
				List<T> chunk = (List<T>) value;
				for (int k = 0; k < chunk.size(); k++) {
					values.set(index * chunksize + k, chunk.get(k));
				}
			}
			else if (!success && raised == null) {
				raised = (Throwable) value; // only the first exception is kept
			}
			last = left == 0;
		}
		if (last) {
			// ready only once all chunks are done, as CPython's
			finish(raised == null, raised == null ? Collections.unmodifiableList(new ArrayList<>(values)) : raised);
		}
	}

	@Override
	String pythonClass() {
		return "MapResult";
	}

}

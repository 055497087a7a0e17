package org.threadlab.scenario.pools;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import org.threadlab.probe.PyValueError;

/** The tutorial's task in §5: sleep a while, say so, return how long. Shared by the pool lessons. */
final class GetHtml {

	private GetHtml() {
	}

	static long getHtml(long times) throws InterruptedException {
		sleep(times);
		print("get page " + times + " success");
		return times;
	}

	/** The exception variant: a page that cannot be fetched. */
	static long brokenPage(long times) throws InterruptedException {
		sleep(times);
		throw new PyValueError("page " + times + " failed");
	}

}

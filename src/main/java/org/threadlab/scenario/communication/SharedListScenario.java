package org.threadlab.scenario.communication;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;

import org.threadlab.probe.SharedList;
import org.threadlab.probe.TracedLock;
import org.threadlab.probe.TracedThread;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.AbstractScenario;

/**: about */
public final class SharedListScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.integer("urls", 20, 1, 60),
			ParameterSpec.integer("maxLength", 10, 1, 20),
			ParameterSpec.integer("consumers", 10, 1, 20),
			ParameterSpec.decimal("listSeconds", 4, 0, 10),
			ParameterSpec.decimal("detailSeconds", 2, 0.1, 10),
			ParameterSpec.decimal("pollSeconds", 1, 0.1, 5));

	//: the-program

	static void getDetailHtml(SharedList list, TracedLock lock, boolean[] done, Params p) throws InterruptedException {
		while (true) {
			lock.acquire(); // @consumer-with
			if (list.len() > 0) { // @consumer-len
				Object url = list.pop(); // @pop
				lock.release(); // @consumer-with
				print("get detail html started", url); // @html-started
				sleep(p.decimal("detailSeconds")); // @html-sleep
				print("get detail html end", url); // @html-end
			}
			else {
				boolean finished = done[0]; // @finished
				lock.release(); // @consumer-with
				if (finished) {
					return; // @return
				}
				sleep(p.decimal("pollSeconds")); //: polling // @poll
			}
		}
	}

	static void getDetailUrl(SharedList list, TracedLock lock, boolean[] done, Params p) throws InterruptedException {
		print("get detail url started"); // @url-started
		sleep(p.decimal("listSeconds")); // @url-sleep
		int i = 0;
		while (i < p.integer("urls")) {
			lock.acquire(); // @producer-with
			if (list.len() >= p.integer("maxLength")) { // @full
				lock.release(); // @producer-with
				sleep(p.decimal("pollSeconds")); //: full // @full-sleep
			}
			else {
				list.append("https://example.com/" + i); // @append
				i++;
				lock.release(); // @producer-with
			}
		}
		lock.acquire(); // @done-with
		done[0] = true; // @done
		lock.release(); // @done-with
		print("get detail url end"); // @url-end
	}

	static void main(Params p) throws InterruptedException {
		var list = new SharedList("detail_url_list"); // @list
		var lock = new TracedLock("lock"); // @lock
		boolean[] done = { false }; //: guarded
		var producer = new TracedThread(() -> getDetailUrl(list, lock, done, p), "get_detail_url", false); // @producer
		producer.start(); // @producer
		for (int i = 0; i < p.integer("consumers"); i++) {
			new TracedThread(() -> getDetailHtml(list, lock, done, p), "get_detail_html", false).start(); // @consumer
		}
	}

	//: how-threadlab-runs-it

	public SharedListScenario() {
		super(lesson("shared-list", PARAMETERS, SharedListScenario::main)
			//: cost
			.cost(p -> waiting(2 + (int) p.integer("consumers"))));
	}

}

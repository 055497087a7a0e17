package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;
import static org.threadlab.probe.Py.sleep;

import java.util.List;

import org.threadlab.multiprocessing.pool.Pool;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**: about */
public final class ImapScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer("processes", 2, 1, 4));

	//: the-program

	static long getHtml(long n) throws InterruptedException {
		sleep(n); // @get-html-sleep
		print("sub_progress success"); // @get-html-print
		return n;
	}

	static void main(Params p) throws Exception {
		var pool = new Pool((int) p.integer("processes")); // @pool
		//: imap
		for (long result : pool.imap("get_html", ImapScenario::getHtml, List.of(1L, 5L, 3L))) { // @imap
			print(result + " sleep success"); // @imap-print
		}
		//: imap-unordered
		for (long result : pool.imapUnordered("get_html", ImapScenario::getHtml, List.of(1L, 5L, 3L))) { // @imap-unordered
			print(result + " sleep success"); // @unordered-print
		}
	}

	//: how-threadlab-runs-it

	public ImapScenario() {
		super(lesson("imap", PARAMETERS, ImapScenario::main)
			//: cost
			.cost(p -> waiting(4 + (int) p.integer("processes")).withProcesses((int) p.integer("processes"))));
	}

}

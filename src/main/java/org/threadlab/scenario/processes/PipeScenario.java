package org.threadlab.scenario.processes;

import static org.threadlab.probe.Py.print;

import java.util.List;
import java.util.Map;

import org.threadlab.ipc.Connection;
import org.threadlab.multiprocessing.PyProcess;
import org.threadlab.scenario.AbstractScenario;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Params;

/**: about */
public final class PipeScenario extends AbstractScenario {

	static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.flag("duplex", true),
			ParameterSpec.flag("reply", false));

	//: the-program-mirrors

	static void producer(Connection pipe, boolean reply) throws InterruptedException {
		pipe.send("bobby"); // @send
		if (reply) {
			print(pipe.recv()); //: answer // @recv-reply
		}
	}

	static void consumer(Connection pipe, boolean reply) throws InterruptedException {
		if (reply) {
			Object data = pipe.recv(); //: waits // @recv
			print(data); // @print
			pipe.send("got " + data); //: sends-too // @send-reply
		}
		else {
			print(pipe.recv()); //: waits // @recv
		}
	}

	static void main(Params p) throws InterruptedException {
		boolean reply = p.flag("reply");
		List<Connection> ends = Connection.pipe("receive_pipe", "send_pipe", p.flag("duplex")); // @pipe
		Connection receivePipe = ends.get(0);
		Connection sendPipe = ends.get(1);
		var myProducer = new PyProcess(() -> producer(sendPipe, reply)); // @producer
		var myConsumer = new PyProcess(() -> consumer(receivePipe, reply)); // @consumer
		myProducer.start(); // @start-producer
		myConsumer.start(); // @start-consumer
		myProducer.join(); // @join-producer
		myConsumer.join(); // @join-consumer
	}

	//: how-threadlab-runs-it

	public PipeScenario() {
		super(lesson("pipe", PARAMETERS, PipeScenario::main)
			.variant("tutorial", Map.of("duplex", true, "reply", false))
			.variant("both-ways", Map.of("duplex", true, "reply", true))
			.variant("one-way", Map.of("duplex", false, "reply", false))
			//: cost
			.cost(waiting(3).withProcesses(2)));
	}

}

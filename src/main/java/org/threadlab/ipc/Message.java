package org.threadlab.ipc;

import java.io.Serializable;
import java.nio.ByteBuffer;

import org.threadlab.event.Event;

/**
 * One message on a pipe between processes: the object sent, and where it was sent from — the process
 * and the sequence number there of the event that sent it — so the receiver's event can name its
 * cause across the processes and the timeline can draw the message crossing from lane to lane. On the
 * pipe: four bytes of length, then the pickled message. Immutable.
 *
 * @param item      what was sent
 * @param fromPid   the sending process
 * @param fromSeq   the sending event's sequence number in that process, or -1
 */
public record Message(Object item, long fromPid, long fromSeq) implements Serializable {

	/** The message as it goes on a pipe: its length, then its bytes. */
	byte[] frame() {
		byte[] body = Pickle.dumps(this);
		return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
	}

	/** Reads one whole message; the caller keeps other readers out (a read lock) while it does. */
	static Message readFrom(Fifo fifo) throws InterruptedException {
		int length = ByteBuffer.wrap(fifo.read(4)).getInt();
		return (Message) Pickle.loads(fifo.read(length));
	}

	static Message of(Object item, long fromSeq) {
		return new Message(item, ProcessHandle.current().pid(), fromSeq < 0 ? Event.NO_CAUSE : fromSeq);
	}

}

package org.threadlab.ipc;

import java.io.Serializable;
import java.nio.ByteBuffer;

/**
 * One message on a pipe between processes: the pickled object sent, and where it was sent from — the
 * process and the sequence number there of the event that sent it — so the receiver's event can name
 * its cause across the processes and the timeline can draw the message crossing from lane to lane. On
 * the pipe: four bytes of length, then the sender's pid and seq (eight bytes each) and the pickled
 * object. The envelope is written field by field, not pickled: Java's serialization of a record costs
 * tens of milliseconds the first time a JVM does it, which a new process would spend inside its first
 * get. Immutable.
 *
 * @param pickled   the object sent, pickled by the sender
 * @param fromPid   the sending process
 * @param fromSeq   the sending event's sequence number in that process, or -1
 */
public record Message(byte[] pickled, long fromPid, long fromSeq) implements Serializable {

	private static final int ENVELOPE = 8 + 8;

	/** The object sent, unpickled. */
	public Object item() {
		return Pickle.loads(pickled);
	}

	/** The message as it goes on a pipe: its length, then its bytes. */
	byte[] frame() {
		return ByteBuffer.allocate(4 + ENVELOPE + pickled.length)
			.putInt(ENVELOPE + pickled.length)
			.putLong(fromPid)
			.putLong(fromSeq)
			.put(pickled)
			.array();
	}

	/** Reads one whole message; the caller keeps other readers out (a read lock) while it does. */
	static Message readFrom(Fifo fifo) throws InterruptedException {
		int length = ByteBuffer.wrap(fifo.read(4)).getInt();
		ByteBuffer body = ByteBuffer.wrap(fifo.read(length));
		long pid = body.getLong();
		long seq = body.getLong();
		byte[] pickled = new byte[length - ENVELOPE];
		body.get(pickled);
		return new Message(pickled, pid, seq);
	}

}

package org.threadlab.ipc;

import java.nio.ByteBuffer;

/**
 * One message on a pipe between processes: the pickled object sent, and where it was sent from — the
 * process and the sequence number there of the event that sent it — so the receiver's event can name
 * its cause across the processes and the timeline can draw the message crossing from lane to lane. On
 * the pipe: four bytes of length, then the sender's pid and seq (eight bytes each), then the pickled
 * object. The envelope is written by hand, not pickled: unpickling a record is slow the first time in a
 * JVM (100 to 160 ms measured in a fresh child, every worker of a pool paid it on its first task).
 * Immutable.
 *
 * @param pickled   the object sent, pickled by the sender
 * @param fromPid   the sending process
 * @param fromSeq   the sending event's sequence number in that process, or -1
 */
public record Message(byte[] pickled, long fromPid, long fromSeq) {

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
		return decode(readFrame(fifo));
	}

	/**
	 * Reads one whole message's bytes, to be {@link #decode}d once the read lock is let go of: CPython's
	 * Queue unpickles outside its read lock too, so a slow unpickling (the first one in a process loads
	 * classes) never holds the other readers up.
	 */
	static byte[] readFrame(Fifo fifo) throws InterruptedException {
		int length = ByteBuffer.wrap(fifo.read(4)).getInt();
		return fifo.read(length);
	}

	/** The message whose bytes {@link #readFrame} read. */
	static Message decode(byte[] frame) {
		ByteBuffer in = ByteBuffer.wrap(frame);
		long pid = in.getLong();
		long seq = in.getLong();
		byte[] pickled = new byte[in.remaining()];
		in.get(pickled);
		return new Message(pickled, pid, seq);
	}

}

package org.threadlab.manager;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A manager's answer, as CPython's {@code ('#RETURN', result)} or {@code ('#ERROR', exception)}: the
 * pickled result, or the exception the call raised, which the caller raises again; and the event that
 * sent it (process and sequence number there), which the caller's REPLY names as its cause. Written
 * field by field on the wire, as a {@link Request}. Immutable.
 */
record Reply(boolean raised, byte[] value, long fromPid, long fromSeq) {

	byte[] encode() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + value.length);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeBoolean(raised);
			Fields.writeBytes(out, value);
			out.writeLong(fromPid);
			out.writeLong(fromSeq);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // writing to memory
		}
		return bytes.toByteArray();
	}

	static Reply decode(byte[] body) {
		try (DataInputStream in = Fields.reading(body)) {
			return new Reply(in.readBoolean(), Fields.readBytes(in), in.readLong(), in.readLong());
		}
		catch (IOException ex) {
			throw new IllegalStateException("a garbled reply", ex);
		}
	}

}

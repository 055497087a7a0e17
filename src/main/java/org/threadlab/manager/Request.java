package org.threadlab.manager;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a process asks of a manager's server, as CPython's {@code (ident, methodname, args, kwds)}: call
 * {@code method} of the object {@code objectId} (null for the server's own methods: {@code create},
 * {@code accept_connection}, {@code shutdown}) with the pickled {@code args}; and, for the timeline, the
 * call as the caller shows it, who asks (the name CPython gives the serving thread) and the event that
 * sent it (process and sequence number there), which the server's event names as its cause.
 * <p>
 * On the wire it is written field by field ({@link #encode}), not pickled: Java's serialization of a
 * record costs tens of milliseconds the first time a JVM does it, which a new process would spend inside
 * its first call. Only the arguments are pickled. Immutable.
 */
record Request(String objectId, String method, byte[] args, String text, String client, long fromPid, long fromSeq) {

	byte[] encode() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + args.length + text.length());
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			Fields.writeText(out, objectId);
			Fields.writeText(out, method);
			Fields.writeBytes(out, args);
			Fields.writeText(out, text);
			Fields.writeText(out, client);
			out.writeLong(fromPid);
			out.writeLong(fromSeq);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // writing to memory
		}
		return bytes.toByteArray();
	}

	static Request decode(byte[] body) {
		try (DataInputStream in = Fields.reading(body)) {
			return new Request(Fields.readText(in), Fields.readText(in), Fields.readBytes(in), Fields.readText(in),
					Fields.readText(in), in.readLong(), in.readLong());
		}
		catch (IOException ex) {
			throw new IllegalStateException("a garbled request", ex);
		}
	}

}

package org.threadlab.manager;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Texts (null too) and byte arrays in a message, each after its length. Stateless. */
final class Fields {

	private Fields() {
	}

	static DataInputStream reading(byte[] body) {
		return new DataInputStream(new ByteArrayInputStream(body));
	}

	static void writeText(DataOutputStream out, String text) throws IOException {
		writeBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
	}

	static String readText(DataInputStream in) throws IOException {
		byte[] bytes = readBytes(in);
		return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
	}

	static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
		out.writeInt(bytes == null ? -1 : bytes.length);
		if (bytes != null) {
			out.write(bytes);
		}
	}

	static byte[] readBytes(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return bytes;
	}

}

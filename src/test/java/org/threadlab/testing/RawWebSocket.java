package org.threadlab.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client made by hand on a plain TCP socket, for what a polite client never does: send
 * malformed or foreign handshake headers, and stop reading while the server keeps sending (a slow
 * reader: its receive buffer is kept small, so the server's writes soon have nowhere to go).
 * Not thread-safe: one test thread uses it.
 */
public final class RawWebSocket implements AutoCloseable {

	private final Socket socket;

	private final int status;

	private final String head;

	private RawWebSocket(Socket socket, String head) {
		this.socket = socket;
		this.head = head;
		this.status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0; // 0: no answer, closed
	}

	/**
	 * Sends a handshake for the run socket with the given headers (a header given as null is left
	 * out; Host and the WebSocket headers are filled in unless given) and reads the answer's status line.
	 * @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's
	 */
	public static RawWebSocket open(int port, Map<String, String> headers, int receiveBuffer) throws IOException {
		Socket socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer); // before connecting, so the window is small from the start
		}
		socket.setSoTimeout(30_000);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
		Map<String, String> all = new LinkedHashMap<>();
		all.put("Host", "localhost:" + port);
		all.put("Upgrade", "websocket");
		all.put("Connection", "Upgrade");
		all.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(new byte[16]));
		all.put("Sec-WebSocket-Version", "13");
		all.putAll(headers);
		StringBuilder request = new StringBuilder("GET /ws/runs HTTP/1.1\r\n");
		all.forEach((name, value) -> {
			if (value != null) {
				request.append(name).append(": ").append(value).append("\r\n");
			}
		});
		request.append("\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return new RawWebSocket(socket, readHead(socket.getInputStream()));
	}

	/** The handshake's HTTP status: 101 when the socket is open; 0 when the server closed without an answer. */
	public int status() {
		return status;
	}

	/** Sends one text frame, masked as a client must. */
	public void sendText(String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length & 0xff);
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		socket.getOutputStream().write(frame.toByteArray());
		socket.getOutputStream().flush();
	}

	/** Whether the server has closed the connection: reads what is left, until the end or the time limit. */
	public boolean closedByServer(int withinMillis) throws IOException {
		socket.setSoTimeout(withinMillis);
		InputStream in = socket.getInputStream();
		byte[] sink = new byte[64 * 1024];
		long deadline = System.nanoTime() + withinMillis * 1_000_000L;
		try {
			while (System.nanoTime() < deadline) {
				if (in.read(sink) < 0) {
					return true;
				}
			}
			return false;
		}
		catch (java.net.SocketTimeoutException stillOpen) {
			return false;
		}
		catch (IOException reset) {
			return true;
		}
	}

	/** Sends raw bytes as they are: a frame's header alone, a frame cut short. */
	public void sendRaw(byte[] bytes) throws IOException {
		socket.getOutputStream().write(bytes);
		socket.getOutputStream().flush();
	}

	/**
	 * Reads the server's frames until its close frame: its code; {@link #GONE} when the connection ended
	 * without one, {@link #STILL_OPEN} when none came within the time.
	 */
	public int closeCode(int withinMillis) throws IOException {
		socket.setSoTimeout(withinMillis);
		java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
		try {
			while (true) {
				int first = in.readUnsignedByte();
				long length = in.readUnsignedByte() & 0x7f;
				if (length == 126) {
					length = in.readUnsignedShort();
				}
				else if (length == 127) {
					length = in.readLong();
				}
				byte[] payload = new byte[(int) length];
				in.readFully(payload);
				if ((first & 0x0f) == 0x8) {
					return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : GONE;
				}
			}
		}
		catch (java.net.SocketTimeoutException stillOpen) {
			return STILL_OPEN;
		}
		catch (IOException ended) {
			return GONE;
		}
	}

	/** {@link #closeCode}: the connection ended without a close frame. */
	public static final int GONE = -1;

	/** {@link #closeCode}: no close frame came within the time. */
	public static final int STILL_OPEN = 0;

	/** The value of a header of the handshake's answer, or null. */
	public String header(String name) {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

}

package org.threadlab.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run-socket client from a loopback address of its own (127.x.y.z: Linux answers the whole /8), so that
 * the server sees as many addresses as clients without a proxy: a plain socket, the WebSocket handshake
 * and frames (RFC 6455: masked text frames out; text, continuation, ping and close in). One thread reads
 * it, any thread writes (writes are synchronized).
 */
final class LoopbackSocket implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	LoopbackSocket(String localAddress, int port) throws IOException {
		this(localAddress, port, 0);
	}

	/** @param receiveBuffer the socket's receive buffer in bytes (small: a reader that stops stalls soon), or 0 */
	LoopbackSocket(String localAddress, int port, int receiveBuffer) throws IOException {
		socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer);
		}
		socket.setTcpNoDelay(true);
		socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
		socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
		out = socket.getOutputStream();
		in = new DataInputStream(socket.getInputStream());
		String request = "GET /ws/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16])
				+ "\r\nSec-WebSocket-Version: 13\r\n\r\n";
		out.write(request.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		String head = readHead(in);
		if (!head.startsWith("HTTP/1.1 101")) {
			throw new IOException("handshake refused: " + head.lines().findFirst().orElse(head));
		}
	}

	/** Sends one text message. */
	synchronized void send(String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
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
			frame.write(payload[i] ^ mask[i & 3]);
		}
		out.write(frame.toByteArray());
		out.flush();
	}

	/** The next text message, whole; null when the server closed the socket. */
	String receive() throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		while (true) {
			int b0;
			try {
				b0 = in.readUnsignedByte();
			}
			catch (EOFException closed) {
				return null;
			}
			int b1 = in.readUnsignedByte();
			long length = b1 & 0x7f;
			if (length == 126) {
				length = in.readUnsignedShort();
			}
			else if (length == 127) {
				length = in.readLong();
			}
			byte[] payload = new byte[(int) length];
			in.readFully(payload);
			int opcode = b0 & 0x0f;
			if (opcode == 0x8) {
				return null;
			}
			if (opcode == 0x9 || opcode == 0xA) {
				continue; // ping, pong: Tomcat sends none unasked
			}
			message.write(payload);
			if ((b0 & 0x80) != 0) {
				return message.toString(StandardCharsets.UTF_8);
			}
		}
	}

	@Override
	public void close() {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// gone already
		}
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				throw new EOFException("the server closed the connection during the handshake");
			}
			head.append((char) c);
		}
		return head.toString();
	}

}

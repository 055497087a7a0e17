package org.threadlab.manager;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.NoSuchFileException;

import org.threadlab.builtins.PyException;

/**
 * One connection between a process and a manager's server: a real Unix domain socket, on which messages
 * go as CPython's {@code multiprocessing.connection} sends them, each after four bytes of length. Either end reads and writes whole messages.
 * <p>
 * Thread-safety: one thread reads and one writes at a time (a proxy's thread, or the server's thread
 * serving it), as with a Python connection; {@link #close()} may come from any thread and wakes a
 * blocked read, which then reports the end of the connection. Interruption: a thread blocked in a read
 * or a write is woken by an interrupt (the JDK closes the channel under it), reported as
 * {@link InterruptedException}.
 */
final class Wire implements AutoCloseable {

	private final SocketChannel channel;

	Wire(SocketChannel channel) {
		this.channel = channel;
	}

	/** Connects to the server listening at {@code address} (a socket file in the run's folder). */
	static Wire connect(String address) {
		try {
			SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
			try {
				channel.connect(UnixDomainSocketAddress.of(address));
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
			return new Wire(channel);
		}
		catch (NoSuchFileException ex) {
			throw new PyException("FileNotFoundError", "[Errno 2] No such file or directory");
		}
		catch (IOException ex) {
			// what a socket whose server has gone says, as Python would
			throw new PyException("ConnectionRefusedError", "[Errno 111] Connection refused");
		}
	}

	/** Sends one message. */
	void send(byte[] body) throws InterruptedException, EOFException {
		ByteBuffer buffer = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
		try {
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
		catch (ClosedByInterruptException ex) {
			throw interrupted();
		}
		catch (IOException ex) {
			throw ended(ex);
		}
	}

	/** Receives one whole message, waiting as long as it takes; {@link EOFException} when the other end closed. */
	byte[] receive() throws InterruptedException, EOFException {
		int length = readFully(4).getInt();
		return readFully(length).array();
	}

	private ByteBuffer readFully(int count) throws InterruptedException, EOFException {
		ByteBuffer buffer = ByteBuffer.allocate(count);
		try {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer) < 0) {
					throw new EOFException("the other end closed the connection");
				}
			}
		}
		catch (ClosedByInterruptException ex) {
			throw interrupted();
		}
		catch (EOFException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw ended(ex);
		}
		return buffer.flip();
	}

	private static EOFException ended(IOException cause) {
		EOFException eof = new EOFException(cause instanceof AsynchronousCloseException || cause instanceof ClosedChannelException
				? "the connection was closed" : cause.getMessage());
		eof.initCause(cause);
		return eof;
	}

	private static InterruptedException interrupted() {
		Thread.interrupted(); // the interrupt is now the exception's to tell
		return new InterruptedException("the run is stopping");
	}

	@Override
	public void close() {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// closing: nothing left to tell
		}
	}

}

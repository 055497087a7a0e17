package org.threadlab.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins the parts of each socket's text messages. The container hands a message over in parts as its
 * small buffer fills ({@link WebSocketConfig#TEXT_BUFFER_CHARS}), so that an idle socket holds no buffer
 * the size of the biggest message; the parts of a message still coming wait here, and only then. A message
 * longer than {@value WebSocketConfig#MAX_INCOMING_MESSAGE} bytes of UTF-8 is refused as soon as its parts
 * say so.
 * <p>
 * Thread-safety: the container delivers one socket's parts one at a time, sockets in parallel; the map of
 * unfinished messages is concurrent.
 */
final class WholeMessages {

	/** A message longer than the limit: the socket is closed with 1009. */
	static final class TooBig extends Exception {

		private static final long serialVersionUID = 1L;

		TooBig() {
			super("a message longer than " + WebSocketConfig.MAX_INCOMING_MESSAGE + " bytes", null, false, false);
		}

	}

	private record Unfinished(StringBuilder text, int bytes) {
	}

	private final Map<String, Unfinished> unfinished = new ConcurrentHashMap<>();

	/**
	 * Adds a part of socket {@code id}'s message.
	 * @return the whole message once its last part has come, else null
	 * @throws TooBig when the message is longer than the limit; what came of it is dropped
	 */
	String add(String id, String part, boolean last) throws TooBig {
		Unfinished before = unfinished.get(id);
		if (before == null && last) {
			if (utf8Length(part) > WebSocketConfig.MAX_INCOMING_MESSAGE) {
				throw new TooBig();
			}
			return part; // the common case: a whole message in one part, nothing kept
		}
		int bytes = (before == null ? 0 : before.bytes()) + utf8Length(part);
		if (bytes > WebSocketConfig.MAX_INCOMING_MESSAGE) {
			unfinished.remove(id);
			throw new TooBig();
		}
		StringBuilder text = before == null ? new StringBuilder(part.length() * 2) : before.text();
		text.append(part);
		if (last) {
			unfinished.remove(id);
			return text.toString();
		}
		unfinished.put(id, new Unfinished(text, bytes));
		return null;
	}

	/** The socket closed: what came of its unfinished message is dropped. */
	void forget(String id) {
		unfinished.remove(id);
	}

	/** Sockets with a message still coming. */
	int unfinished() {
		return unfinished.size();
	}

	static int utf8Length(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isSurrogate(c)) {
				bytes += 2; // a pair is one code point of four bytes (its halves may come in two parts)
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}

package org.threadlab.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the keyed comments of a lesson's listings say in one language. A listing writes a comment that
 * differs between languages as a key, {@code #: pause} in Python, {@code //: pause} in Java, and the
 * lesson's texts file of each language holds its words as {@code comment.pause=...}: one listing, every
 * difference in the texts. Read by {@link ListingTemplate} and {@link JavaListing} when they are parsed, at
 * the application's start. Immutable; safe from any thread.
 *
 * @param file the texts file the words come from, for messages: {@code scenarios/deadlock/texts_zh.properties}
 * @param texts each key's words, without the {@code comment.} prefix
 */
public record ListingComments(String file, Map<String, String> texts) {

	/** The prefix of a comment's key in a texts file: {@code #: pause} is {@code comment.pause}. */
	public static final String PREFIX = "comment.";

	/** How a key is written after {@code #:} or {@code //:}: lower case, digits, '-' and '.'. */
	static final String KEY = "[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*";

	public ListingComments {
		texts = Collections.unmodifiableMap(new TreeMap<>(texts));
	}

	/** The comments of a texts file: its keys that start with {@link #PREFIX}. */
	public static ListingComments of(String file, Properties properties) {
		Map<String, String> texts = new TreeMap<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith(PREFIX)) {
				texts.put(key.substring(PREFIX.length()), properties.getProperty(key));
			}
		}
		return new ListingComments(file, texts);
	}

	/**
	 * These comments, and where a key has no words here, the words of {@code shared}: the comments every
	 * lesson's listings say alike ({@code scenarios/comments_<lang>.properties}).
	 */
	public ListingComments or(ListingComments shared) {
		Map<String, String> both = new TreeMap<>(shared.texts);
		both.putAll(texts);
		return new ListingComments(file + " (or " + shared.file + ")", both);
	}

	/** No texts at all: a keyed comment fails to parse. For listings read without a lesson (tests). */
	public static ListingComments none() {
		return new ListingComments("(no texts)", Map.of());
	}

	/**
	 * The lines a key's words are written on.
	 * @param listing the listing's file name and {@code line} its line (from 1), for the message
	 * @throws IllegalStateException naming the listing's file and line when the texts have no such key
	 */
	public List<String> lines(String key, String listing, int line) {
		String text = texts.get(key);
		if (text == null) {
			throw new IllegalStateException(listing + ":" + line + ": the comment key '" + key + "' has no text " + PREFIX + key
					+ " in " + file);
		}
		return List.of(text.split("\n", -1));
	}

	/** The words of a key that must fit on its line (a trailing comment, any Java comment). */
	public String line(String key, String listing, int line) {
		List<String> lines = lines(key, listing, line);
		if (lines.size() != 1) {
			throw new IllegalStateException(listing + ":" + line + ": " + PREFIX + key + " in " + file + " has " + lines.size()
					+ " lines, but this comment has room for one: the lines of the program must not move");
		}
		return lines.get(0);
	}

	/** Every key there are words for. */
	public Set<String> keys() {
		return texts.keySet();
	}

}

package org.threadlab.scenario;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's Java listing in one language: the source file of its class, as the page shows it, with the
 * lines its events point at. Two things in it are not shown as written:
 * <ul>
 * <li>a line of the program that ends in {@code // @name} is the same step as the Python line that ends in
 * {@code #@name} ({@link ListingTemplate}); the anchor is stripped from the text shown;</li>
 * <li>a keyed comment is shown in the page's language ({@link ListingComments}): {@code //: key} (alone or
 * after code, before any anchor) as {@code // } and the key's words, {@code /**: key *}{@code /} as a
 * one-line Javadoc, and a line {@code *: key} inside a block comment as {@code * } and the words.</li>
 * </ul>
 * Both stay on their line: the events point at the compiled class's line numbers, so no line may move.
 * That is why a Java comment's words are one line, checked when the listing is read (a Python comment alone
 * on its line may take several). Immutable; safe from any thread.
 *
 * @param text the source as shown, anchors stripped, comments in the listing's language
 * @param anchors the anchor of each anchored line (lines from 1)
 * @param commentKeys the keys of the keyed comments it holds
 */
public record JavaListing(String text, Map<Integer, String> anchors, Set<String> commentKeys) {

	private static final Pattern ANCHOR = Pattern.compile("\\s*//\\s*@([a-z0-9][a-z0-9-]*)\\s*$");

	/**
	 * A keyed comment at the end of a line, anchor gone: after a blank or at the line's start, {@code //:},
	 * {@code /**:} (closed on the line) or, first on its line, {@code *:}.
	 */
	private static final Pattern KEYED = Pattern.compile(
			"(?:(^|\\s)(//|/\\*\\*)|^(\\s*\\*)):\\s*(" + ListingComments.KEY + ")\\s*(\\*/)?\\s*$");

	public JavaListing {
		anchors = Collections.unmodifiableMap(new TreeMap<>(anchors));
		commentKeys = Set.copyOf(commentKeys);
	}

	/** Reads the anchors of a source file and strips them; keyed comments stay as written (for their lines). */
	public static JavaListing of(String name, String source) {
		return of(name, source, null);
	}

	/**
	 * Reads the anchors of a source file, strips them, and writes its keyed comments in the words of
	 * {@code comments}.
	 * @throws IllegalStateException naming the file and line of an anchor on no code, or of a comment key
	 *         without words, or whose words are more than one line
	 */
	public static JavaListing of(String name, String source, ListingComments comments) {
		String[] lines = source.split("\n", -1);
		Map<Integer, String> anchors = new TreeMap<>();
		Set<String> keys = new LinkedHashSet<>();
		StringBuilder text = new StringBuilder(source.length());
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			Matcher anchor = ANCHOR.matcher(line);
			if (anchor.find()) {
				line = line.substring(0, anchor.start());
				Matcher keyed = KEYED.matcher(line);
				if ((keyed.find() ? line.substring(0, keyed.start()) : line).isBlank()) {
					throw new IllegalStateException(name + ":" + (i + 1) + ": the anchor @" + anchor.group(1)
							+ " names no code: put it at the end of a line of code");
				}
				anchors.put(i + 1, anchor.group(1));
			}
			Matcher keyed = KEYED.matcher(line);
			if (keyed.find()) {
				keys.add(keyed.group(4));
				if (comments != null) {
					line = commented(name, i + 1, line, keyed, comments);
				}
			}
			text.append(line);
			if (i < lines.length - 1) {
				text.append('\n');
			}
		}
		return new JavaListing(text.toString(), anchors, keys);
	}

	/** The line with its keyed comment in words: the same comment marker, one line of words. */
	private static String commented(String name, int lineNo, String line, Matcher keyed, ListingComments comments) {
		String words = comments.line(keyed.group(4), name, lineNo);
		if (words.contains("*/") || words.contains("{{")) {
			throw new IllegalStateException(name + ":" + lineNo + ": " + ListingComments.PREFIX + keyed.group(4) + " in "
					+ comments.file() + " holds '*/' or '{{', which a Java comment cannot show");
		}
		boolean javadoc = "/**".equals(keyed.group(2));
		if (javadoc && keyed.group(5) == null) {
			throw new IllegalStateException(name + ":" + lineNo + ": a keyed Javadoc '/**: key */' closes on its line");
		}
		String marker = keyed.group(3) != null ? keyed.group(3) : keyed.group(2);
		int from = keyed.group(3) != null ? keyed.start(3) : keyed.start(2);
		return line.substring(0, from) + marker + " " + words + (keyed.group(5) != null ? " */" : "");
	}

}

package org.threadlab.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's Java listing: the source file of its class, as the page shows it, with the lines its
 * events point at. A line of the program that ends in {@code // @name} is the same step as the Python
 * line that ends in {@code #@name} ({@link ListingTemplate}); the anchor is stripped from the text shown,
 * on its own line, so no line moves. Immutable; safe from any thread.
 *
 * @param text the source as shown, anchors stripped
 * @param anchors the anchor of each anchored line (lines from 1)
 */
public record JavaListing(String text, Map<Integer, String> anchors) {

	private static final Pattern ANCHOR = Pattern.compile("\\s*//\\s*@([a-z0-9][a-z0-9-]*)\\s*$");

	public JavaListing {
		anchors = Collections.unmodifiableMap(new TreeMap<>(anchors));
	}

	/** Reads the anchors of a source file and strips them. */
	public static JavaListing of(String name, String source) {
		String[] lines = source.split("\n", -1);
		Map<Integer, String> anchors = new TreeMap<>();
		StringBuilder text = new StringBuilder(source.length());
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			Matcher anchor = ANCHOR.matcher(line);
			if (anchor.find()) {
				line = line.substring(0, anchor.start());
				if (line.isBlank()) {
					throw new IllegalStateException(name + ":" + (i + 1) + ": the anchor @" + anchor.group(1)
							+ " names no code: put it at the end of a line of code");
				}
				anchors.put(i + 1, anchor.group(1));
			}
			text.append(line);
			if (i < lines.length - 1) {
				text.append('\n');
			}
		}
		return new JavaListing(text.toString(), anchors);
	}

}

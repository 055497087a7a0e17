package org.threadlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.threadlab.scenario.JavaListing;

/**
 * The line of a scenario's Java listing that carries an anchor ({@code // @html-sleep}), read from its
 * source as the page's listing is: a browser test names the step it means, and an import added above it
 * moves no assertion. Stateless.
 */
public final class JavaLines {

	private JavaLines() {
	}

	public static int of(Class<?> scenario, String anchor) {
		Path source = Path.of("src", "main", "java", scenario.getName().replace('.', '/') + ".java");
		try {
			JavaListing listing = JavaListing.of(source.toString(), Files.readString(source));
			return listing.anchors().entrySet().stream()
				.filter(e -> e.getValue().equals(anchor))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no line ends in // @" + anchor + " in " + source));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

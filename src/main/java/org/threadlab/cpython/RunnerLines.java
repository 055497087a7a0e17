package org.threadlab.cpython;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.Set;

/**
 * What ThreadLab's runner ({@code resources/cpython/sitecustomize.py}, with {@code THREADLAB_STAMP})
 * writes on a program's stdout, read line by line into typed records. A stamped line is
 * {@code "\u001e<tag>\t<lesson seconds>\t<thread>\t<text>"}; its tag says what it is ({@link #TAGS}). A
 * line without a stamp (something wrote to the real stdout past the runner) is {@link Unstamped}.
 * <p>
 * The trace's lines ({@code v}: an event, {@code c}: a process stopped tracing; written with
 * {@code THREADLAB_TRACE}) are {@link Traced}: their fields are read by {@link TraceLines}.
 * <p>
 * To read a new tag: add a record that implements {@link Stamped}, one row to {@link #TAGS} that builds
 * it from the line's fields, and its case where the records are used ({@link PythonRun}). A tag the
 * parser does not know reads as a line printed on stdout, so a runner newer than its reader loses nothing.
 * <p>
 * Pure functions of their input; stateless and thread-safe.
 */
final class RunnerLines {

	/** The longest line read; the rest of a longer one is cut and marked with an ellipsis. */
	static final int MAX_LINE = 8192;

	/** What starts a stamped line: the ASCII record separator. */
	static final char STAMP = '\u001e';

	private RunnerLines() {
	}

	/** One line of the runner's output, read. */
	sealed interface Parsed permits Unstamped, Stamped {
	}

	/** A line without a (well-formed) stamp: its text as it came, with no time and no thread. */
	record Unstamped(String text) implements Parsed {
	}

	/** A stamped line: what the runner said, at {@code t}, lesson seconds since the program started. */
	sealed interface Stamped extends Parsed permits Printed, Waiting, Exited, Traced, Garbled {

		double t();

	}

	/**
	 * Tags {@code o} and {@code e}: a line the program printed.
	 * @param stream "out" or "err"
	 * @param thread the name of the thread that printed it ("MainThread"); empty when unknown
	 */
	record Printed(double t, String stream, String thread, String text) implements Stamped {
	}

	/** Tag {@code h}: the program hangs and {@code thread} waits at {@code line} of the listing (0: outside it). */
	record Waiting(double t, String thread, int line) implements Stamped {
	}

	/** Tag {@code x}: the program ends, {@code how} is "exit" or "hang". */
	record Exited(double t, String how) implements Stamped {
	}

	/** Tags {@code v} and {@code c}: a line of the trace, an event or a cut. */
	record Traced(TraceLine line) implements Stamped {

		@Override
		public double t() {
			return line.t();
		}

	}

	/** A trace line that cannot be read (cut short, or of a kind this server does not know): dropped. */
	record Garbled(double t, String tag) implements Stamped {
	}

	/** How a tag's fields become its record. */
	@FunctionalInterface
	interface Tag {

		Stamped read(double t, String thread, String text);

	}

	private static final Tag PRINTED_OUT = (t, thread, text) -> new Printed(t, "out", thread, text);

	/** Every tag the runner writes, and the record each is read as. */
	private static final Map<String, Tag> TAGS = Map.of(
			"o", PRINTED_OUT,
			"e", (t, thread, text) -> new Printed(t, "err", thread, text),
			"h", (t, thread, text) -> new Waiting(t, thread, lineNumber(text)),
			"x", (t, thread, text) -> new Exited(t, text),
			"v", (t, thread, text) -> TraceLines.event(t, thread, text).<Stamped>map(Traced::new).orElse(new Garbled(t, "v")),
			"c", (t, thread, text) -> TraceLines.cut(t, thread, text).<Stamped>map(Traced::new).orElse(new Garbled(t, "c")));

	/** The tags this parser reads as what they are. */
	static Set<String> tags() {
		return TAGS.keySet();
	}

	/** Reads one line (without its line end) as what the runner said. */
	static Parsed parse(String raw) {
		if (raw.isEmpty() || raw.charAt(0) != STAMP) {
			return new Unstamped(raw);
		}
		String[] fields = raw.substring(1).split("\t", 4);
		if (fields.length < 4) {
			return new Unstamped(raw);
		}
		double t;
		try {
			t = Double.parseDouble(fields[1]);
		}
		catch (NumberFormatException ex) {
			return new Unstamped(raw);
		}
		return TAGS.getOrDefault(fields[0], PRINTED_OUT).read(t, fields[2], fields[3]);
	}

	/**
	 * Reads one line into {@code line}, without its {@code \n} or {@code \r\n}, cut at {@link #MAX_LINE}
	 * characters (then ending in an ellipsis).
	 * @return false at the end of the stream, with nothing read
	 */
	static boolean readLine(Reader in, StringBuilder line) throws IOException {
		line.setLength(0);
		int c = in.read();
		if (c < 0) {
			return false;
		}
		boolean cut = false;
		while (c >= 0 && c != '\n') {
			if (line.length() < MAX_LINE) {
				line.append((char) c);
			}
			else if (!cut) {
				line.append('…');
				cut = true;
			}
			c = in.read();
		}
		if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
			line.setLength(line.length() - 1);
		}
		return true;
	}

	private static int lineNumber(String text) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}

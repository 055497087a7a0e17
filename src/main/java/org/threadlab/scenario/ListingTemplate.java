package org.threadlab.scenario;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's Python listing as a template that still reads as Python. Three things in it are not
 * shown as written:
 * <ul>
 * <li>{@code {{name}}} becomes the run's value of parameter {@code name} as a Python literal: {@code True},
 * {@code False}, {@code 2}, {@code 0.5};</li>
 * <li>a line that is only a comment {@code # {% if flag %}}, {@code # {% if not flag %}}, {@code # {% else %}}
 * or {@code # {% endif %}} keeps or drops the lines between it and the next one, by a flag parameter, and
 * is itself dropped;</li>
 * <li>a trailing {@code #@name} names the line (an anchor): the Java line that ends in {@code // @name} is
 * the same step of the program (see {@link JavaListing}). It is stripped from what is shown;</li>
 * <li>a comment {@code #: key}, alone on its line or after code (and before an anchor), is a key into the
 * lesson's texts ({@link ListingComments}): it is shown as {@code # } and the key's words in the page's
 * language. A comment alone on its line may take several lines (each starts with {@code # } at the same
 * indentation); one after code, one line. {@code #:} is not how anyone writes a comment of their own, and a
 * Python comment it stays.</li>
 * </ul>
 * A template is parsed for one language and checked whole when it is parsed — at the application's start —
 * so an unknown name, a comment key without words, a lone {@code else} or a missing {@code endif} fails the
 * start, naming the file and line, never a page. Immutable; safe from any thread.
 */
public final class ListingTemplate {

	private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*\\{%\\s*(.*?)\\s*%\\}\\s*$");

	private static final Pattern CONDITION = Pattern.compile("if\\s+(not\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}");

	/** A trailing anchor and the blanks before it. */
	static final Pattern ANCHOR = Pattern.compile("\\s*#@([a-z0-9][a-z0-9-]*)\\s*$");

	/** A keyed comment at the end of a line (the anchor gone): {@code #: key}, at the line's start or after a blank. */
	private static final Pattern KEYED = Pattern.compile("(^|\\s)#:\\s*(" + ListingComments.KEY + ")\\s*$");

	/** One piece of the template: a line as written, or a block kept by a flag. */
	private sealed interface Node permits Text, Block {
	}

	private record Text(int line, String text, String anchor) implements Node {
	}

	private record Block(String flag, boolean negated, List<Node> then, List<Node> otherwise) implements Node {
	}

	/** What a rendering is: the program shown, and the line (from 1) of each anchor in it. */
	public record Rendered(String text, Map<String, Integer> anchorLines) {
	}

	private final String name;

	private final List<ParameterSpec> specs;

	private final List<Node> nodes;

	private final Set<String> anchors;

	private final Set<String> commentKeys;

	private ListingTemplate(String name, List<ParameterSpec> specs, List<Node> nodes, Set<String> anchors,
			Set<String> commentKeys) {
		this.name = name;
		this.specs = specs;
		this.nodes = nodes;
		this.anchors = anchors;
		this.commentKeys = commentKeys;
	}

	/** Parses and checks a template that has no keyed comments; see {@link #parse(String, String, List, ListingComments)}. */
	public static ListingTemplate parse(String name, String text, List<ParameterSpec> specs) {
		return parse(name, text, specs, ListingComments.none());
	}

	/**
	 * Parses and checks a template, its keyed comments in the words of {@code comments}.
	 * @param name the file's name, for messages
	 * @throws IllegalStateException naming the file and line of the first thing wrong
	 */
	public static ListingTemplate parse(String name, String text, List<ParameterSpec> specs, ListingComments comments) {
		Map<String, ParameterSpec> byName = new LinkedHashMap<>();
		specs.forEach(spec -> byName.put(spec.name(), spec));
		Deque<Block> open = new ArrayDeque<>();
		Deque<List<Node>> into = new ArrayDeque<>();
		Deque<Integer> openedAt = new ArrayDeque<>();
		List<Node> top = new ArrayList<>();
		into.push(top);
		Set<String> anchors = new LinkedHashSet<>();
		Set<String> commentKeys = new LinkedHashSet<>();
		String[] lines = text.split("\n", -1);
		int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
		for (int i = 0; i < count; i++) {
			int lineNo = i + 1;
			String line = lines[i];
			Matcher directive = DIRECTIVE.matcher(line);
			if (directive.matches()) {
				String body = directive.group(1);
				Matcher condition = CONDITION.matcher(body);
				if (condition.matches()) {
					ParameterSpec spec = byName.get(condition.group(2));
					if (spec == null || spec.type() != ParameterSpec.Type.BOOLEAN) {
						throw wrong(name, lineNo, "'" + condition.group(2) + "' is not a flag parameter of this scenario; it has "
								+ byName.keySet());
					}
					Block block = new Block(spec.name(), condition.group(1) != null, new ArrayList<>(), new ArrayList<>());
					into.peek().add(block);
					open.push(block);
					openedAt.push(lineNo);
					into.push(block.then());
				}
				else if (body.equals("else")) {
					if (open.isEmpty() || into.peek() != open.peek().then()) {
						throw wrong(name, lineNo, "an else without its if");
					}
					into.pop();
					into.push(open.peek().otherwise());
				}
				else if (body.equals("endif")) {
					if (open.isEmpty()) {
						throw wrong(name, lineNo, "an endif without its if");
					}
					open.pop();
					openedAt.pop();
					into.pop();
				}
				else {
					throw wrong(name, lineNo, "unknown directive {% " + body + " %}; a template knows if <flag>, "
							+ "if not <flag>, else and endif");
				}
				continue;
			}
			if (line.contains("{%") || line.contains("%}")) {
				throw wrong(name, lineNo, "a directive must be alone on its line, in a comment: # {% if flag %}");
			}
			Matcher anchor = ANCHOR.matcher(line);
			String anchorName = null;
			if (anchor.find()) {
				anchorName = anchor.group(1);
				line = line.substring(0, anchor.start());
				Matcher keyed = KEYED.matcher(line);
				if ((keyed.find() ? line.substring(0, keyed.start()) : line).isBlank()) {
					throw wrong(name, lineNo, "the anchor #@" + anchorName + " names no code: put it at the end of a line of code");
				}
				anchors.add(anchorName);
			}
			for (String shown : commented(name, lineNo, line, comments, commentKeys)) {
				checkPlaceholders(name, lineNo, shown, byName);
				into.peek().add(new Text(lineNo, shown, anchorName));
			}
		}
		if (!open.isEmpty()) {
			throw wrong(name, openedAt.peek(), "this if has no endif");
		}
		return new ListingTemplate(name, List.copyOf(specs), List.copyOf(top), Set.copyOf(anchors), Set.copyOf(commentKeys));
	}

	/**
	 * A line as shown: its keyed comment, if it has one, in the words of {@code comments}. A comment alone on
	 * its line may become several lines; one after code stays on the code's line.
	 */
	private static List<String> commented(String name, int lineNo, String line, ListingComments comments, Set<String> keys) {
		Matcher keyed = KEYED.matcher(line);
		if (!keyed.find()) {
			if (line.contains("#:")) {
				throw wrong(name, lineNo, "'#:' starts a comment key: '#: key', the key in lower case, at the end of the "
						+ "line (before any anchor) and after a blank");
			}
			return List.of(line);
		}
		String key = keyed.group(2);
		keys.add(key);
		String before = line.substring(0, keyed.start() + keyed.group(1).length());
		if (before.isBlank()) {
			return comments.lines(key, name, lineNo).stream().map(words -> before + (words.isEmpty() ? "#" : "# " + words)).toList();
		}
		return List.of(before + "# " + comments.line(key, name, lineNo));
	}

	private static void checkPlaceholders(String name, int lineNo, String line, Map<String, ParameterSpec> byName) {
		Matcher placeholder = PLACEHOLDER.matcher(line);
		while (placeholder.find()) {
			if (!byName.containsKey(placeholder.group(1))) {
				throw wrong(name, lineNo, "'" + placeholder.group(1) + "' is not a parameter of this scenario; it has "
						+ byName.keySet());
			}
		}
		if (placeholder.replaceAll("").contains("{{")) {
			throw wrong(name, lineNo, "'{{' that is not a placeholder {{name}}");
		}
		if (line.contains("{%") || line.contains("%}")) {
			throw wrong(name, lineNo, "a comment's words hold '{%' or '%}', which only a directive may");
		}
	}

	private static IllegalStateException wrong(String name, int line, String what) {
		return new IllegalStateException(name + ":" + line + ": " + what);
	}

	/** The program for these values, and where each anchor of it landed; every anchor at most once. */
	public Rendered render(Params params) {
		StringBuilder out = new StringBuilder();
		Map<String, Integer> anchorLines = new LinkedHashMap<>();
		int[] lineNo = { 0 };
		render(nodes, params, out, anchorLines, lineNo);
		return new Rendered(out.toString(), Map.copyOf(anchorLines));
	}

	private void render(List<Node> nodes, Params params, StringBuilder out, Map<String, Integer> anchorLines, int[] lineNo) {
		for (Node node : nodes) {
			if (node instanceof Block block) {
				boolean kept = params.flag(block.flag()) != block.negated();
				render(kept ? block.then() : block.otherwise(), params, out, anchorLines, lineNo);
				continue;
			}
			Text text = (Text) node;
			lineNo[0]++;
			Matcher placeholder = PLACEHOLDER.matcher(text.text());
			out.append(placeholder.replaceAll(m -> Matcher.quoteReplacement(literal(params.asMap().get(m.group(1)))))).append('\n');
			if (text.anchor() != null && anchorLines.put(text.anchor(), lineNo[0]) != null) {
				throw new IllegalStateException(name + ":" + text.line() + ": the anchor #@" + text.anchor()
						+ " is kept twice with " + params.asMap());
			}
		}
	}

	/** A parameter's value as Python writes it. */
	static String literal(Object value) {
		if (value instanceof Boolean flag) {
			return flag ? "True" : "False";
		}
		if (value instanceof Long || value instanceof Integer) {
			return value.toString();
		}
		if (value instanceof Number number) {
			return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
		}
		throw new IllegalArgumentException("no Python literal for " + value);
	}

	/** Every anchor the template holds, in any branch. */
	public Set<String> anchors() {
		return anchors;
	}

	/** Every comment key the template holds, in any branch. */
	public Set<String> commentKeys() {
		return commentKeys;
	}

	/** The template's file name. */
	public String name() {
		return name;
	}

	/** The parameters it may use. */
	public List<ParameterSpec> parameters() {
		return specs;
	}

}

package org.threadlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a page says about one scenario in one language: the lesson, the labels of its parameters and
 * variants, the Python listing (a {@link ListingTemplate}, rendered with a run's parameters), and the
 * Java listing — the source file of the scenario class itself, so the learner reads exactly the code
 * that runs, with the line numbers the events point at. Both listings' keyed comments are in this language.
 * Read from {@code scenarios/<id>/texts_<lang>.properties}, {@code scenarios/<id>/listing.py} (one for
 * every language) and {@code listings/<class path>.java} on the class path, and checked when loaded: every
 * comment key has its words, every Java anchor has its Python line and the other way round, and no
 * rendering keeps an anchor twice. Immutable.
 */
public record ScenarioTexts(String lesson, Properties labels, ListingTemplate python, JavaListing java,
		List<ParameterSpec> parameters) {

	/** The Python listing of a scenario, on the class path: one file, its comments keys into the texts. */
	public static String pythonName(Scenario scenario) {
		return "scenarios/" + scenario.id() + "/listing.py";
	}

	/** The texts of a scenario in one language, on the class path. */
	public static String textsName(Scenario scenario, Language language) {
		return "scenarios/" + scenario.id() + "/texts_" + language.code() + ".properties";
	}

	/** The comments every lesson's listings say alike ("---- the program ----"), in one language, on the class path. */
	public static String sharedCommentsName(Language language) {
		return "scenarios/comments_" + language.code() + ".properties";
	}

	/** The Java listing of a scenario, on the class path: the source of its class, copied there by the build. */
	public static String javaName(Scenario scenario) {
		return "listings/" + scenario.getClass().getName().replace('.', '/') + ".java";
	}

	public static ScenarioTexts load(Scenario scenario, Language language) {
		String textsName = textsName(scenario, language);
		Properties texts = properties(textsName);
		if (texts.getProperty("lesson") == null) {
			throw new IllegalStateException(textsName + " has no lesson");
		}
		String sharedName = sharedCommentsName(language);
		ListingComments comments = ListingComments.of(textsName, texts)
			.or(ListingComments.of(sharedName, properties(sharedName)));
		String pythonName = pythonName(scenario);
		String javaName = javaName(scenario);
		return of(scenario, texts, comments, pythonName, read(pythonName), javaName, read(javaName));
	}

	/** The texts from what the files hold; checks the listings against the comments and each other. */
	static ScenarioTexts of(Scenario scenario, Properties texts, ListingComments comments, String pythonName,
			String pythonText, String javaName, String javaText) {
		ListingTemplate python = ListingTemplate.parse(pythonName, pythonText, scenario.parameters(), comments);
		JavaListing java = JavaListing.of(javaName, javaText, comments);
		ScenarioTexts loaded = new ScenarioTexts(texts.getProperty("lesson"), texts, python, java, scenario.parameters());
		loaded.check(scenario);
		return loaded;
	}

	/** Both anchor sets match, and every way the page can render the listing keeps each anchor once. */
	private void check(Scenario scenario) {
		Set<String> inJava = new TreeSet<>(java.anchors().values());
		Set<String> onlyJava = new TreeSet<>(inJava);
		onlyJava.removeAll(python.anchors());
		Set<String> onlyPython = new TreeSet<>(python.anchors());
		onlyPython.removeAll(inJava);
		if (!onlyJava.isEmpty() || !onlyPython.isEmpty()) {
			throw new IllegalStateException(scenario.id() + ": anchors of the Java listing missing in " + python.name()
					+ ": " + onlyJava + "; anchors of " + python.name() + " missing in the Java listing: " + onlyPython);
		}
		for (Map<String, Object> values : renderings(scenario)) {
			python.render(Params.parse(parameters, values));
		}
	}

	/** The values a page can show a listing with, for checking: the defaults, each variant, each flag flipped. */
	public static List<Map<String, Object>> renderings(Scenario scenario) {
		List<Map<String, Object>> all = new ArrayList<>();
		all.add(Map.of());
		all.addAll(scenario.variants().values());
		for (ParameterSpec spec : scenario.parameters()) {
			if (spec.type() == ParameterSpec.Type.BOOLEAN) {
				all.add(Map.of(spec.name(), !(Boolean) spec.defaultValue()));
			}
		}
		return all;
	}

	/** Both listings for these parameter values, with the Java lines mapped to Python lines. */
	public Listing listing(Params params) {
		ListingTemplate.Rendered rendered = python.render(params);
		Map<Integer, Integer> javaToPython = new HashMap<>();
		java.anchors().forEach((javaLine, anchor) -> {
			Integer pythonLine = rendered.anchorLines().get(anchor);
			if (pythonLine != null) {
				javaToPython.put(javaLine, pythonLine);
			}
		});
		return new Listing(rendered.text(), java.text(), javaToPython);
	}

	/** The Python listing with the tutorial's values: what a page shows before any field changes. */
	public String pythonListing() {
		return python.render(Params.defaults(parameters)).text();
	}

	/** The Java listing as shown: the scenario's source, anchors stripped. */
	public String javaListing() {
		return java.text();
	}

	/** The label of a parameter ({@code param.<name>}) or variant ({@code variant.<name>}); the key if missing. */
	public String label(String key) {
		return labels.getProperty(key, key);
	}

	/** A properties file of the class path, read as UTF-8. */
	public static Properties properties(String path) {
		Properties properties = new Properties();
		try (InputStream in = resource(path)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static String read(String path) {
		try (InputStream in = resource(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String path) {
		InputStream in = ScenarioTexts.class.getClassLoader().getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("missing text of a scenario: " + path);
		}
		return in;
	}

}

package org.threadlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What a page says about one scenario in one language: the lesson, the labels of its parameters and
 * variants, the Python listing, and the Java listing — the source file of the scenario class itself,
 * so the learner reads exactly the code that runs, with the line numbers the events point at.
 * Read from {@code scenarios/<id>/texts_<lang>.properties}, {@code scenarios/<id>/listing_<lang>.py} and
 * {@code listings/<class path>.java} on the class path. Immutable.
 */
public record ScenarioTexts(String lesson, Properties labels, String pythonListing, String javaListing) {

	public static ScenarioTexts load(Scenario scenario, Language language) {
		String folder = "scenarios/" + scenario.id() + "/";
		Properties texts = new Properties();
		try (InputStream in = resource(folder + "texts_" + language.code() + ".properties")) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String lesson = texts.getProperty("lesson");
		if (lesson == null) {
			throw new IllegalStateException(folder + "texts_" + language.code() + ".properties has no lesson");
		}
		return new ScenarioTexts(lesson, texts, read(folder + "listing_" + language.code() + ".py"),
				read("listings/" + scenario.getClass().getName().replace('.', '/') + ".java"));
	}

	/** The label of a parameter ({@code param.<name>}) or variant ({@code variant.<name>}); the key if missing. */
	public String label(String key) {
		return labels.getProperty(key, key);
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

package org.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threadlab.fidelity.Cases;

/**
 * The guard of docs/adding-a-lesson.md: every scenario class the catalog finds comes with all a lesson needs —
 * its texts in both languages (the lesson, a label for each parameter and variant, its title in the messages),
 * one listing.py whose anchors are the Java listing's and whose comment keys have words in both languages, its
 * cases in the fidelity suite, and its own test class. Each lesson is checked alone and says all it lacks.
 */
class EveryLessonIsWholeTest {

	private static final List<Scenario> SCENARIOS = ScenarioCatalog.discover();

	private static final Set<String> COMPARED = Cases.scenarios(new ScenarioCatalog());

	static Stream<String> everyLesson() {
		return SCENARIOS.stream().map(Scenario::id);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyLesson")
	void hasItsTextsListingsFidelityCasesAndTests(String id) {
		Scenario scenario = SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
		List<String> lacks = new ArrayList<>();
		textsOf(scenario, lacks);
		listingsOf(scenario, lacks);
		if (!COMPARED.contains(id)) {
			lacks.add("no case in the fidelity suite (org.threadlab.fidelity.Cases): nothing compares it with CPython");
		}
		String testClass = scenario.getClass().getName() + "Test";
		if (!exists(testClass.replace('.', '/') + ".class")) {
			lacks.add("no test class " + testClass + " asserting on its recorded events what the learner must see");
		}
		assertThat(lacks).as("what lesson %s (%s) lacks; see docs/adding-a-lesson.md", id, scenario.getClass().getSimpleName())
			.isEmpty();
	}

	/** The texts of both languages, with every key the page asks for, and the same keys in both. */
	private static void textsOf(Scenario scenario, List<String> lacks) {
		Set<String> englishKeys = null;
		for (Language language : Language.values()) {
			String name = ScenarioTexts.textsName(scenario, language);
			if (!exists(name)) {
				lacks.add("no " + name);
				continue;
			}
			Properties texts = properties(name);
			List<String> needed = new ArrayList<>(List.of("lesson"));
			scenario.parameters().forEach(p -> needed.add("param." + p.name()));
			scenario.variants().keySet().forEach(v -> needed.add("variant." + v));
			needed.stream().filter(key -> texts.getProperty(key) == null).forEach(key -> lacks.add(name + " has no " + key));
			if (englishKeys == null) {
				englishKeys = texts.stringPropertyNames();
			}
			else if (!englishKeys.equals(texts.stringPropertyNames())) {
				lacks.add(name + " and the English texts differ in the keys "
						+ symmetricDifference(englishKeys, texts.stringPropertyNames()));
			}
		}
		String title = "scenario." + scenario.id() + ".title";
		for (String messages : List.of("messages.properties", "messages_zh.properties")) {
			if (properties(messages).getProperty(title) == null) {
				lacks.add(messages + " has no " + title + " (the page's title)");
			}
		}
	}

	private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
		Set<String> both = new TreeSet<>(a);
		both.retainAll(b);
		Set<String> either = new TreeSet<>(a);
		either.addAll(b);
		either.removeAll(both);
		return either;
	}

	/** One listing.py, its anchors the Java listing's, its comment keys with words: loaded as the start loads them. */
	private static void listingsOf(Scenario scenario, List<String> lacks) {
		String python = ScenarioTexts.pythonName(scenario);
		if (!exists(python)) {
			lacks.add("no " + python + " (one Python listing for every language, its comments keys into the texts)");
			return;
		}
		for (Language language : Language.values()) {
			if (exists("scenarios/" + scenario.id() + "/listing_" + language.code() + ".py")) {
				lacks.add("a listing_" + language.code() + ".py beside listing.py: the listing is one file, its comments keys");
			}
			if (!exists(ScenarioTexts.textsName(scenario, language))) {
				continue;
			}
			try {
				ScenarioTexts texts = ScenarioTexts.load(scenario, language);
				Set<String> java = new TreeSet<>(texts.java().anchors().values());
				if (!java.equals(new TreeSet<>(texts.python().anchors()))) {
					lacks.add("anchors differ: Java " + java + ", Python " + new TreeSet<>(texts.python().anchors()));
				}
				if (java.isEmpty()) {
					lacks.add("no anchors: the page cannot show where a thread is in the Python listing");
				}
			}
			catch (IllegalStateException wrong) {
				lacks.add(language.code() + ": " + wrong.getMessage());
			}
		}
	}

	private static boolean exists(String resource) {
		return EveryLessonIsWholeTest.class.getClassLoader().getResource(resource) != null;
	}

	private static Properties properties(String resource) {
		Properties properties = new Properties();
		try (InputStream in = EveryLessonIsWholeTest.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}

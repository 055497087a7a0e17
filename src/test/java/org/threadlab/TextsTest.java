package org.threadlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.scenario.Section;

/**
 * Every word is written in both languages: the files of each pair hold the same keys, and say the same thing, as far
 * as a test can tell: the same figures (versions, runs, seconds) in the same number of paragraphs.
 */
class TextsTest {

	private static Properties load(String path) throws IOException {
		Properties p = new Properties();
		try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void theMessagesHoldTheSameKeysInEnglishAndChinese() throws IOException {
		assertThat(load("messages_zh.properties").keySet()).isEqualTo(load("messages.properties").keySet());
	}

	@Test
	void everyPlannedScenarioAndSectionHasATitle() throws IOException {
		Properties en = load("messages.properties");
		for (Section section : Section.values()) {
			assertThat(en).containsKey(section.titleKey());
			for (String id : section.planned()) {
				assertThat(en).containsKey("scenario." + id + ".title");
			}
		}
	}

	@Test
	void everyScenarioHasItsTextsInBothLanguagesWithTheSameKeys() throws IOException {
		ScenarioCatalog catalog = new ScenarioCatalog();
		assertThat(catalog.all()).isNotEmpty();
		for (Scenario scenario : catalog.all()) {
			String folder = "scenarios/" + scenario.id() + "/";
			Properties en = load(folder + "texts_en.properties");
			assertThat(load(folder + "texts_zh.properties").keySet()).as(scenario.id()).isEqualTo(en.keySet());
			scenario.parameters().forEach(p -> assertThat(en).containsKey("param." + p.name()));
			scenario.variants().keySet().forEach(v -> assertThat(en).containsKey("variant." + v));
			for (Language language : Language.values()) {
				assertThat(catalog.texts(scenario, language).javaListing()).contains("class "
						+ scenario.getClass().getSimpleName());
				assertThat(catalog.texts(scenario, language).pythonListing()).isNotBlank();
			}
		}
	}

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

	/** The numbers a text quotes ("CPython 3.11", "30 runs of 30", "{0} s"), sorted: word order differs between languages. */
	private static List<String> numbers(String text) {
		Matcher m = NUMBER.matcher(text);
		return m.results().map(r -> r.group()).sorted().toList();
	}

	private static void assertSameFigures(String what, Properties en, Properties zh) {
		for (String key : en.stringPropertyNames()) {
			String english = en.getProperty(key);
			String chinese = zh.getProperty(key, "");
			assertThat(numbers(chinese)).as("the numbers of %s %s in Chinese", what, key).isEqualTo(numbers(english));
			assertThat(chinese.split("\n\n", -1)).as("the paragraphs of %s %s in Chinese", what, key)
				.hasSameSizeAs(english.split("\n\n", -1));
		}
	}

	@Test
	void bothLanguagesQuoteTheSameFiguresInTheSameParagraphs() throws IOException {
		assertSameFigures("messages", load("messages.properties"), load("messages_zh.properties"));
		for (Scenario scenario : new ScenarioCatalog().all()) {
			String folder = "scenarios/" + scenario.id() + "/";
			assertSameFigures(scenario.id(), load(folder + "texts_en.properties"), load(folder + "texts_zh.properties"));
		}
	}

}

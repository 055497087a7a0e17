package org.threadlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.ListingComments;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.scenario.ScenarioTexts;
import org.threadlab.scenario.Section;

/**
 * Every word is written in both languages: the files of each pair hold the same keys, and say the same thing, as far
 * as a test can tell: the same figures (versions, runs, seconds) in the same number of paragraphs. That holds for the
 * comments of the listings too, which are keys into the texts: every key a listing says has its words in both, and
 * every comment text is said by some listing.
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

	/** The comment keys a lesson's texts file holds: {@code comment.pause} is {@code pause}. */
	private static Set<String> commentKeys(Properties texts) {
		return texts.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith(ListingComments.PREFIX))
			.map(key -> key.substring(ListingComments.PREFIX.length()))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	@Test
	void everyCommentKeyOfTheListingsHasItsWordsInBothLanguagesAndEveryCommentTextIsUsed() throws IOException {
		ScenarioCatalog catalog = new ScenarioCatalog();
		Set<String> sharedUsed = new TreeSet<>();
		Properties sharedEn = load(ScenarioTexts.sharedCommentsName(Language.EN));
		assertThat(load(ScenarioTexts.sharedCommentsName(Language.ZH)).keySet()).isEqualTo(sharedEn.keySet());
		for (Scenario scenario : catalog.all()) {
			Set<String> used = new TreeSet<>();
			for (Language language : Language.values()) {
				ScenarioTexts texts = catalog.texts(scenario, language);
				used.addAll(texts.python().commentKeys());
				used.addAll(texts.java().commentKeys());
			}
			assertThat(used).as("%s: its listings hold comment keys", scenario.id()).isNotEmpty();
			for (Language language : Language.values()) {
				Set<String> said = commentKeys(load(ScenarioTexts.textsName(scenario, language)));
				Set<String> missing = new TreeSet<>(used);
				missing.removeAll(said);
				missing.removeAll(commentKeys(sharedEn));
				assertThat(missing).as("comment keys of %s's listings with no words in %s", scenario.id(),
						ScenarioTexts.textsName(scenario, language)).isEmpty();
				Set<String> unused = new TreeSet<>(said);
				unused.removeAll(used);
				assertThat(unused).as("comment texts of %s that neither listing says", scenario.id()).isEmpty();
			}
			used.stream().filter(commentKeys(sharedEn)::contains).forEach(sharedUsed::add);
		}
		assertThat(sharedUsed).as("shared comments some listing says").isEqualTo(commentKeys(sharedEn));
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
		assertSameFigures("shared comments", load(ScenarioTexts.sharedCommentsName(Language.EN)),
				load(ScenarioTexts.sharedCommentsName(Language.ZH)));
		for (Scenario scenario : new ScenarioCatalog().all()) {
			String folder = "scenarios/" + scenario.id() + "/";
			assertSameFigures(scenario.id(), load(folder + "texts_en.properties"), load(folder + "texts_zh.properties"));
		}
	}

}

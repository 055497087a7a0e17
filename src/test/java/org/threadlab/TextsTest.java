package org.threadlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.scenario.Section;

/** Every word is written in both languages: the files of each pair hold the same keys. */
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

}

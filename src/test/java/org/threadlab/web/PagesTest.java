package org.threadlab.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.threadlab.launch.AdmissionLimits;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunLimits;
import org.threadlab.scenario.ScenarioCatalog;

@WebMvcTest({ HomeController.class, ScenarioController.class })
@Import({ ScenarioCatalog.class, UiTexts.class, LocaleConfig.class, RunLauncher.class })
@EnableConfigurationProperties({ RunLimits.class, AdmissionLimits.class })
class PagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theHomePageListsTheCatalogAsTheTutorialIsGroupedEveryLessonBuilt() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(view().name(HomeController.VIEW))
			.andExpect(content().string(allOf(containsString("Threads from a target function"),
					containsString("href=\"/scenarios/thread-target?lang=en\""), containsString("Synchronizing threads"),
					containsString("href=\"/scenarios/cpu-bound?lang=en\""), containsString("href=\"/scenarios/deadlock?lang=en\""),
					containsString("href=\"/scenarios/manager-queue?lang=en\""), not(containsString("class=\"badge\"")))));
	}

	@Test
	void theHomePageSpeaksChineseWhenAsked() throws Exception {
		mvc.perform(get("/").param("lang", "zh"))
			.andExpect(content().string(allOf(containsString("线程同步"), containsString("进程"), not(containsString("即将推出")))));
	}

	@Test
	void aRoomsJoinLinkOpensTheHomePageWithItsCodeFilledIn() throws Exception {
		mvc.perform(get("/join/km3r7x"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"KM3-R7X\""), containsString("id=\"room-join-form\""),
					containsString("\"room.waiting\":"))));
		mvc.perform(get("/join/<script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"room-code-input\""), not(containsString("<script>\"")))));
	}

	@Test
	void aScenarioPageHasItsLessonBothListingsItsParametersAndARunButton() throws Exception {
		mvc.perform(get("/scenarios/thread-target"))
			.andExpect(status().isOk())
			.andExpect(view().name(ScenarioController.VIEW))
			.andExpect(content().string(allOf(containsString("the longest, not the sum"),
					containsString("threading.Thread(target=get_detail_html"),
					containsString("class ThreadTargetScenario"), containsString("name=\"htmlSeconds\""),
					containsString("from 0.1 to 10"), containsString("from 0.1 to 100"), containsString("id=\"run\""),
					containsString("data-variant=\"daemon\""), containsString("\"state.sleeping\":\"sleeping\""))));
	}

	@Test
	void anUnknownScenarioIsNotFound() throws Exception {
		mvc.perform(get("/scenarios/no-such-thing").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
	}

}

package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.threadlab.launch.AdmissionLimits;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunLimits;
import org.threadlab.scenario.ScenarioCatalog;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The listing endpoint: the Python that runs with the form's values, and refusals as a run's. */
@WebMvcTest(ListingController.class)
@Import({ ScenarioCatalog.class, LocaleConfig.class, RunLauncher.class })
@EnableConfigurationProperties({ RunLimits.class, AdmissionLimits.class })
class ListingControllerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theListingFollowsTheParameters() throws Exception {
		mvc.perform(get("/api/scenarios/gil-race/listing").param("lang", "en").param("n", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.python", allOf(containsString("for i in range(5):"), not(containsString("#@")))))
			.andExpect(jsonPath("$.java", containsString("class GilRaceScenario")))
			.andExpect(jsonPath("$.javaToPython").isMap());
		mvc.perform(get("/api/scenarios/thread-target/listing").param("daemon", "true").param("join", "false"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.python", allOf(containsString("daemon=True"), not(containsString(".join()")))));
		mvc.perform(get("/api/scenarios/rlock/listing").param("plainLock", "true"))
			.andExpect(jsonPath("$.python", allOf(containsString("lock = threading.Lock()"), not(containsString("RLock()")))));
	}

	@Test
	void eachJavaLineOfAnEventMapsToItsPythonLine() throws Exception {
		String body = mvc.perform(get("/api/scenarios/thread-target/listing").param("htmlSeconds", "0.5"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode listing = JsonMapper.builder().build().readTree(body);
		List<String> java = List.of(listing.get("java").asString().split("\n"));
		List<String> python = List.of(listing.get("python").asString().split("\n"));
		int sleep = java.indexOf("\t\tsleep(seconds);") + 1; // getDetailHtml's
		assertThat(sleep).isPositive();
		int pythonLine = listing.get("javaToPython").get(String.valueOf(sleep)).asInt();
		assertThat(python.get(pythonLine - 1)).isEqualTo("    time.sleep(0.5)");
	}

	@Test
	void theChineseListingHasChineseComments() throws Exception {
		mvc.perform(get("/api/scenarios/queue/listing").param("lang", "zh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.python", containsString("队列为空时在此等待")))
			.andExpect(cookie().doesNotExist("threadlab-lang"));
	}

	@Test
	void aBadParameterIsRefusedAsARunRequestIs() throws Exception {
		mvc.perform(get("/api/scenarios/gil-race/listing").param("n", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("bad-parameter"))
			.andExpect(jsonPath("$.details.parameter").value("n"))
			.andExpect(jsonPath("$.details.bounds").value("1 to 5000000"));
		mvc.perform(get("/api/scenarios/gil-race/listing").param("threads", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("bad-parameter"))
			.andExpect(jsonPath("$.details.parameter").value("threads"));
		mvc.perform(get("/api/scenarios/rlock/listing").param("plainLock", "maybe"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.details.type").value("boolean"));
		mvc.perform(get("/api/scenarios/rlock/listing").param("lang", "fr"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.details.parameter").value("lang"));
		mvc.perform(get("/api/scenarios/no-such-thing/listing"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("unknown-scenario"));
	}

}

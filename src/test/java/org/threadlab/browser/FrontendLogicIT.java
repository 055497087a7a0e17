package org.threadlab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.testing.Chromium;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/** The frontend's pure modules, tested in the browser that runs them (src/test/frontend). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FrontendLogicIT {

	@LocalServerPort
	int port;

	@TestFactory
	@SuppressWarnings("unchecked")
	Stream<DynamicTest> frontendModules() {
		List<Map<String, Object>> results;
		try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
			Page page = browser.newPage();
			page.navigate("http://localhost:" + port + "/test/index.html");
			page.waitForSelector("body[data-done=true]");
			results = (List<Map<String, Object>>) page.evaluate("() => window.testResults");
		}
		assertThat(results).isNotEmpty();
		return results.stream()
			.map(r -> DynamicTest.dynamicTest((String) r.get("name"),
					() -> assertThat((Boolean) r.get("ok")).as("%s", r.get("error")).isTrue()));
	}

}

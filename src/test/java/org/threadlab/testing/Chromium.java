package org.threadlab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The system's Chromium driven by Playwright, which downloads no browser of its own. Where Chromium is
 * missing the browser tests are skipped with a message, except on CI (CI=true), where they fail.
 */
public final class Chromium {

	private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

	private Chromium() {
	}

	public static Path executable() {
		return Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
	}

	public static Playwright playwright() {
		Path chromium = executable();
		boolean onCi = "true".equalsIgnoreCase(System.getenv("CI"));
		if (!onCi) {
			Assumptions.assumeTrue(Files.isExecutable(chromium),
					"no Chromium at " + chromium + " (install Debian's chromium, or pass -Dchromium.path=...)");
		}
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable()).setHeadless(true).setArgs(FLAGS));
	}

	/** Where browser tests save their screenshots: target/screenshots. */
	public static Path screenshot(String name) {
		return Path.of("target", "screenshots", name + ".png");
	}

}

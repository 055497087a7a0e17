package org.threadlab.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.threadlab.launch.LaunchRefused;
import org.threadlab.launch.RunLauncher;
import org.threadlab.launch.RunRequest;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * {@code GET /api/scenarios/{id}/listing?lang=en&<param>=<value>...}: both listings of a scenario as they
 * run with these parameters, and where each Java line is in the Python one (docs/protocol.md). The
 * parameters are checked as a run request's are, and refused with the same codes. Stateless.
 */
@RestController
class ListingController {

	private final ScenarioCatalog catalog;

	private final RunLauncher launcher;

	ListingController(ScenarioCatalog catalog, RunLauncher launcher) {
		this.catalog = catalog;
		this.launcher = launcher;
	}

	/** A refusal, as JSON: the same code, message and details as the run socket's {@code error}. */
	record Refusal(String code, String message, Map<String, Object> details) {
	}

	@GetMapping("/api/scenarios/{id}/listing")
	ResponseEntity<?> listing(@PathVariable String id, @RequestParam Map<String, String> query) {
		Map<String, Object> params = new LinkedHashMap<>(query);
		Object lang = params.remove("lang");
		Language language = Language.ofCode(lang == null ? "en" : lang.toString()).orElse(null);
		if (language == null) {
			Messages.Error refused = Incoming.Refused.badLanguage(String.valueOf(lang)).error();
			return ResponseEntity.badRequest().body(new Refusal(refused.code(), refused.message(), refused.details()));
		}
		RunLauncher.Checked checked;
		try {
			checked = launcher.checkText(new RunRequest(id, params, Map.of()));
		}
		catch (LaunchRefused refused) {
			HttpStatus status = "unknown-scenario".equals(refused.code()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
			return ResponseEntity.status(status).body(new Refusal(refused.code(), refused.getMessage(), refused.details()));
		}
		return ResponseEntity.ok(catalog.listing(checked.scenario(), language, checked.params()));
	}

}

package org.threadlab.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.threadlab.launch.RunLauncher;
import org.threadlab.scenario.Language;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.scenario.ScenarioTexts;

import tools.jackson.databind.json.JsonMapper;

/** A scenario's page: its lesson, both listings, its parameters, the Run button and the timeline. */
@Controller
class ScenarioController {

	static final String VIEW = "scenario";

	private final ScenarioCatalog catalog;

	private final UiTexts uiTexts;

	private final JsonMapper json;

	private final List<ParameterSpec> settings;

	private final MessageSource messages;

	ScenarioController(ScenarioCatalog catalog, UiTexts uiTexts, JsonMapper json, RunLauncher launcher,
			MessageSource messages) {
		this.catalog = catalog;
		this.settings = launcher.settingSpecs();
		this.messages = messages;
		this.uiTexts = uiTexts;
		this.json = json;
	}

	/** A parameter as the form shows it. */
	record Field(String name, String label, String type, Object value, String min, String max) {
	}

	/** A one-click set of values. */
	record Variant(String name, String label, String values) {
	}

	@GetMapping("/scenarios/{id}")
	String scenario(@PathVariable String id, Locale locale, Model model) {
		Scenario scenario = catalog.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no scenario '" + id + "'."));
		ScenarioTexts texts = catalog.texts(scenario, Language.of(locale));
		List<Field> fields = scenario.parameters().stream().map(spec -> field(spec, texts)).toList();
		List<Variant> variants = scenario.variants()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(v -> new Variant(v.getKey(), texts.label("variant." + v.getKey()), json.writeValueAsString(v.getValue())))
			.toList();
		model.addAttribute("scenario", scenario);
		model.addAttribute("texts", texts);
		model.addAttribute("paragraphs", texts.lesson().split("\n\n"));
		model.addAttribute("fields", fields);
		model.addAttribute("settings", settings.stream()
			.map(spec -> new Field(spec.name(), messages.getMessage("setting." + spec.name(), null, locale),
					spec.type().name().toLowerCase(Locale.ROOT), spec.defaultValue(), spec.minText(), spec.maxText()))
			.toList());
		model.addAttribute("variants", variants);
		model.addAttribute("uiTexts", json.writeValueAsString(uiTexts.in(locale)));
		return VIEW;
	}

	private static Field field(ParameterSpec spec, ScenarioTexts texts) {
		return new Field(spec.name(), texts.label("param." + spec.name()), spec.type().name().toLowerCase(Locale.ROOT),
				spec.defaultValue(), spec.minText(), spec.maxText());
	}

}

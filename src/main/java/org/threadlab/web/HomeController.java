package org.threadlab.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.threadlab.rooms.RoomCode;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.scenario.Section;

import tools.jackson.databind.json.JsonMapper;

/** The catalog, grouped as the tutorial is, and the box to join a class or open a room. */
@Controller
class HomeController {

	static final String VIEW = "home";

	private final ScenarioCatalog catalog;

	private final UiTexts uiTexts;

	private final JsonMapper json;

	HomeController(ScenarioCatalog catalog, UiTexts uiTexts, JsonMapper json) {
		this.catalog = catalog;
		this.uiTexts = uiTexts;
		this.json = json;
	}

	/** One entry of the catalog page; {@code built} is false for a scenario that is still coming. */
	record Entry(String id, boolean built) {
	}

	record SectionView(Section section, List<Entry> entries) {
	}

	/** The join link of a room: the home page with its code filled in, to add a name and join. */
	@GetMapping("/join/{code}")
	String join(@PathVariable String code, Locale locale, Model model) {
		model.addAttribute("joinCode", RoomCode.parse(code).map(RoomCode::shown).orElse(""));
		return home(locale, model);
	}

	@GetMapping("/")
	String home(Locale locale, Model model) {
		model.addAttribute("uiTexts", json.writeValueAsString(uiTexts.in(locale)));
		model.addAttribute("sections", catalog.outline()
			.entrySet()
			.stream()
			.map(e -> new SectionView(e.getKey(),
					e.getValue().stream().map(id -> new Entry(id, catalog.find(id).isPresent())).toList()))
			.toList());
		return VIEW;
	}

}

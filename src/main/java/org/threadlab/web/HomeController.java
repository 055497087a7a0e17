package org.threadlab.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.scenario.Section;

/** The catalog, grouped as the tutorial is. */
@Controller
class HomeController {

	static final String VIEW = "home";

	private final ScenarioCatalog catalog;

	HomeController(ScenarioCatalog catalog) {
		this.catalog = catalog;
	}

	/** One entry of the catalog page; {@code built} is false for a scenario that is still coming. */
	record Entry(String id, boolean built) {
	}

	record SectionView(Section section, List<Entry> entries) {
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("sections", catalog.outline()
			.entrySet()
			.stream()
			.map(e -> new SectionView(e.getKey(),
					e.getValue().stream().map(id -> new Entry(id, catalog.find(id).isPresent())).toList()))
			.toList());
		return VIEW;
	}

}

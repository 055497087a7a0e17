package org.threadlab.cpython;

import java.util.Map;

import org.threadlab.scenario.Language;
import org.threadlab.scenario.Params;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;

/**
 * A lesson's Python listing rendered for some values of its parameters (the others at their defaults),
 * as the page runs it: the one place these tests know how listings are stored and rendered.
 * Stateless past its catalog, which is immutable; safe from any thread.
 */
final class RenderedListings {

	private static final ScenarioCatalog CATALOG = new ScenarioCatalog();

	private RenderedListings() {
	}

	static String python(String scenarioId, Map<String, ?> values) {
		Scenario scenario = CATALOG.find(scenarioId).orElseThrow(() -> new IllegalArgumentException("no scenario " + scenarioId));
		return CATALOG.listing(scenario, Language.EN, Params.parse(scenario.parameters(), values)).python();
	}

}

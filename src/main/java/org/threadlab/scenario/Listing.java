package org.threadlab.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Both listings of a scenario for one run's parameters: the Python program as it runs with them, the
 * Java source the events' lines point into, and where each anchored Java line is in the Python one.
 * Immutable.
 *
 * @param python the rendered Python program, anchors stripped
 * @param java the scenario's Java source, anchors stripped
 * @param javaToPython for each Java line (from 1) that has a counterpart here, its Python line (from 1)
 */
public record Listing(String python, String java, Map<Integer, Integer> javaToPython) {

	public Listing {
		javaToPython = Collections.unmodifiableMap(new TreeMap<>(javaToPython));
	}

}

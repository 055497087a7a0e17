package org.threadlab.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every scenario there is: the classes implementing {@link Scenario} below this package, found when the
 * application starts, with their texts in every {@link Language} loaded and checked then, so a missing
 * text fails the start, not a learner's page. Immutable after construction; safe from any thread.
 */
@Component
public class ScenarioCatalog {

	private final Map<String, Scenario> scenarios = new LinkedHashMap<>();

	private final Map<String, Map<Language, ScenarioTexts>> texts = new LinkedHashMap<>();

	public ScenarioCatalog() {
		this(discover());
	}

	ScenarioCatalog(Collection<Scenario> found) {
		for (Scenario scenario : found) {
			if (!scenario.section().planned().contains(scenario.id())) {
				throw new IllegalStateException("scenario " + scenario.id() + " is not planned in " + scenario.section());
			}
			if (scenarios.putIfAbsent(scenario.id(), scenario) != null) {
				throw new IllegalStateException("two scenarios have the id " + scenario.id());
			}
			Map<Language, ScenarioTexts> byLanguage = new EnumMap<>(Language.class);
			for (Language language : Language.values()) {
				byLanguage.put(language, ScenarioTexts.load(scenario, language));
			}
			texts.put(scenario.id(), byLanguage);
		}
	}

	/** Every scenario class below this package, made once; for the catalog and the test that every lesson is whole. */
	static List<Scenario> discover() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Scenario.class));
		List<Scenario> found = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(Scenario.class.getPackageName())) {
			try {
				Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ScenarioCatalog.class.getClassLoader());
				found.add((Scenario) type.getDeclaredConstructor().newInstance());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot create scenario " + candidate.getBeanClassName(), ex);
			}
		}
		return found;
	}

	public Optional<Scenario> find(String id) {
		return Optional.ofNullable(scenarios.get(id));
	}

	public ScenarioTexts texts(Scenario scenario, Language language) {
		return texts.get(scenario.id()).get(language);
	}

	/** Both listings of a scenario for these parameters, with its Java lines mapped to Python lines. */
	public Listing listing(Scenario scenario, Language language, Params params) {
		return texts(scenario, language).listing(params);
	}

	public Collection<Scenario> all() {
		return scenarios.values();
	}

	/** The tutorial's outline: every section with its planned scenario ids; built ones are {@link #find}able. */
	public Map<Section, List<String>> outline() {
		Map<Section, List<String>> outline = new EnumMap<>(Section.class);
		for (Section section : Section.values()) {
			outline.put(section, section.planned());
		}
		return outline;
	}

}

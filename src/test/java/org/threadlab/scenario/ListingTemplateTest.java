package org.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** A listing template renders the program that runs with the chosen values, and a wrong one fails at once. */
class ListingTemplateTest {

	private static final List<ParameterSpec> SPECS = List.of(ParameterSpec.integer("n", 1_000_000, 1, 5_000_000),
			ParameterSpec.decimal("seconds", 2, 0.1, 10), ParameterSpec.flag("daemon", false),
			ParameterSpec.flag("join", true));

	private static ListingTemplate parse(String text) {
		return ListingTemplate.parse("listing.py", text, SPECS);
	}

	private static String render(String text, Map<String, Object> values) {
		return parse(text).render(Params.parse(SPECS, values)).text();
	}

	@Test
	void placeholdersBecomePythonLiterals() {
		String template = "for i in range({{n}}):\n    time.sleep({{seconds}})\nd = {{ daemon }}\nj = {{join}}\n";
		assertThat(render(template, Map.of())).isEqualTo("for i in range(1000000):\n    time.sleep(2)\nd = False\nj = True\n");
		assertThat(render(template, Map.of("n", 5, "seconds", 0.5, "daemon", true, "join", false)))
			.isEqualTo("for i in range(5):\n    time.sleep(0.5)\nd = True\nj = False\n");
	}

	@Test
	void directivesKeepOrDropTheirLinesAndAreThemselvesDropped() {
		String template = """
				t = threading.Thread(target=f)
				# {% if daemon %}
				t.daemon = True
				# {% endif %}
				t.start()
				    # {% if not daemon %}
				    # {% if join %}
				t.join()
				    # {% else %}
				pass
				    # {% endif %}
				    # {% endif %}
				""";
		assertThat(render(template, Map.of())).isEqualTo("t = threading.Thread(target=f)\nt.start()\nt.join()\n");
		assertThat(render(template, Map.of("join", false))).isEqualTo("t = threading.Thread(target=f)\nt.start()\npass\n");
		assertThat(render(template, Map.of("daemon", true))).isEqualTo("t = threading.Thread(target=f)\nt.daemon = True\nt.start()\n");
	}

	@Test
	void anchorsAreStrippedAndFoundOnTheLineTheyLandOn() {
		String template = """
				import time
				# {% if daemon %}
				daemon = True  #@flag
				# {% else %}
				daemon = False   # the tutorial's  #@flag
				# {% endif %}
				time.sleep({{seconds}})  #@sleep
				""";
		ListingTemplate.Rendered rendered = parse(template).render(Params.defaults(SPECS));
		assertThat(rendered.text()).isEqualTo("import time\ndaemon = False   # the tutorial's\ntime.sleep(2)\n");
		assertThat(rendered.anchorLines()).isEqualTo(Map.of("flag", 2, "sleep", 3));
		assertThat(parse(template).anchors()).containsExactlyInAnyOrder("flag", "sleep");
	}

	@Test
	void aJavaListingLosesItsAnchorsButNoLine() {
		JavaListing java = JavaListing.of("X.java", "class X {\n\tvoid f() {\n\t\tsleep(2); // a nap // @sleep\n\t}\n}\n");
		assertThat(java.text()).isEqualTo("class X {\n\tvoid f() {\n\t\tsleep(2); // a nap\n\t}\n}\n");
		assertThat(java.anchors()).isEqualTo(Map.of(3, "sleep"));
	}

	@Test
	void aWrongTemplateFailsNamingItsFileAndLine() {
		assertThatThrownBy(() -> parse("x = 1\ny = {{m}}\n")).hasMessageContaining("listing.py:2").hasMessageContaining("'m'");
		assertThatThrownBy(() -> parse("# {% if nobody %}\n# {% endif %}\n")).hasMessageContaining(":1").hasMessageContaining("'nobody'");
		assertThatThrownBy(() -> parse("# {% if n %}\n# {% endif %}\n")).hasMessageContaining("not a flag");
		assertThatThrownBy(() -> parse("x = 1\n# {% else %}\n")).hasMessageContaining(":2: an else without its if");
		assertThatThrownBy(() -> parse("# {% endif %}\n")).hasMessageContaining(":1: an endif without its if");
		assertThatThrownBy(() -> parse("x = 1\n# {% if daemon %}\ny = 2\n")).hasMessageContaining(":2: this if has no endif");
		assertThatThrownBy(() -> parse("# {% for x in y %}\n")).hasMessageContaining("unknown directive");
		assertThatThrownBy(() -> parse("x = 1  # {% if daemon %}\n")).hasMessageContaining("alone on its line");
		assertThatThrownBy(() -> parse("x = {{ n + 1 }}\n")).hasMessageContaining("not a placeholder");
		assertThatThrownBy(() -> parse("   #@lonely\n")).hasMessageContaining("names no code");
		assertThatThrownBy(() -> parse("x = 1  #@x\ny = 2  #@x\n").render(Params.defaults(SPECS)))
			.hasMessageContaining("kept twice");
	}

	/** A scenario made here, not found by the catalog: an anonymous class is no candidate of its scan. */
	private static final Scenario SCENARIO = new AbstractScenario(Lesson.of("thread-target", SPECS, params -> {
	})) {
	};

	private static ScenarioTexts texts(String python, String java) {
		Properties properties = new Properties();
		properties.setProperty("lesson", "A lesson.");
		return ScenarioTexts.of(SCENARIO, properties, ListingComments.of("texts_en.properties", properties), "listing.py", python,
				"X.java", java);
	}

	@Test
	void theListingMapsEachAnchoredJavaLineToItsPythonLineForTheValuesGiven() {
		ScenarioTexts texts = texts("""
				# {% if daemon %}
				t = threading.Thread(target=f, daemon=True)  #@thread
				# {% else %}
				t = threading.Thread(target=f)  #@thread
				# {% endif %}
				# {% if join %}
				t.join()  #@join
				# {% endif %}
				""", "class X {\n\tvar t = new TracedThread(\"t\", daemon); // @thread\n\tif (join) {\n\t\tt.join(); // @join\n\t}\n}\n");
		Listing listing = texts.listing(Params.defaults(SPECS));
		assertThat(listing.python()).isEqualTo("t = threading.Thread(target=f)\nt.join()\n");
		assertThat(listing.java()).doesNotContain("@thread").contains("var t = new TracedThread(\"t\", daemon);\n");
		assertThat(listing.javaToPython()).isEqualTo(Map.of(2, 1, 4, 2));
		Listing daemon = texts.listing(Params.parse(SPECS, Map.of("daemon", true, "join", false)));
		assertThat(daemon.python()).isEqualTo("t = threading.Thread(target=f, daemon=True)\n");
		assertThat(daemon.javaToPython()).as("the join is not in this program").isEqualTo(Map.of(2, 1));
	}

	@Test
	void anAnchorOnOneSideOnlyFailsTheLoad() {
		assertThatThrownBy(() -> texts("x = 1  #@x\n", "class X { // @x\n\tint y; // @y\n}\n"))
			.hasMessageContaining("anchors of the Java listing missing in listing.py: [y]");
		assertThatThrownBy(() -> texts("x = 1  #@x\nz = 2  #@z\n", "class X { // @x\n}\n"))
			.hasMessageContaining("missing in the Java listing: [z]");
	}

	@Test
	void everyListingOfTheCatalogLoads() {
		ScenarioCatalog catalog = new ScenarioCatalog();
		for (Scenario scenario : catalog.all()) {
			for (Language language : Language.values()) {
				Listing listing = catalog.listing(scenario, language, Params.defaults(scenario.parameters()));
				assertThat(listing.python()).as(scenario.id()).doesNotContain("{{", "{%", "#@");
				assertThat(listing.java()).as(scenario.id()).doesNotContain("// @");
				assertThat(listing.javaToPython()).as(scenario.id()).isNotEmpty();
			}
		}
	}

}

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

	private static ListingComments comments(String file, String... keysAndWords) {
		Properties texts = new Properties();
		for (int i = 0; i < keysAndWords.length; i += 2) {
			texts.setProperty(ListingComments.PREFIX + keysAndWords[i], keysAndWords[i + 1]);
		}
		return ListingComments.of(file, texts);
	}

	private static final ListingComments ENGLISH = comments("texts_en.properties", "nap", "a nap of {{seconds}} s", "why",
			"two lines\nof words");

	private static final ListingComments CHINESE = comments("texts_zh.properties", "nap", "睡 {{seconds}} 秒", "why", "一行字");

	@Test
	void aKeyedCommentIsShownInTheWordsOfTheListingsLanguage() {
		String template = """
				import time
				    #: why
				    time.sleep({{seconds}})   #: nap  #@sleep
				x = 1  # a comment of its own stays as written
				""";
		ListingTemplate.Rendered english = ListingTemplate.parse("listing.py", template, SPECS, ENGLISH)
			.render(Params.defaults(SPECS));
		assertThat(english.text()).isEqualTo("import time\n    # two lines\n    # of words\n    time.sleep(2)   # a nap of 2 s\n"
				+ "x = 1  # a comment of its own stays as written\n");
		assertThat(english.anchorLines()).as("the anchor follows the lines the words took").isEqualTo(Map.of("sleep", 4));
		ListingTemplate.Rendered chinese = ListingTemplate.parse("listing.py", template, SPECS, CHINESE)
			.render(Params.parse(SPECS, Map.of("seconds", 0.5)));
		assertThat(chinese.text()).isEqualTo("import time\n    # 一行字\n    time.sleep(0.5)   # 睡 0.5 秒\nx = 1  # a comment of its own stays as written\n");
		assertThat(chinese.anchorLines()).isEqualTo(Map.of("sleep", 3));
		assertThat(ListingTemplate.parse("listing.py", template, SPECS, CHINESE).commentKeys()).containsExactlyInAnyOrder("why", "nap");
	}

	@Test
	void aCommentKeyWithoutWordsFailsTheParseNamingTheListingLineAndTextsFile() {
		assertThatThrownBy(() -> ListingTemplate.parse("listing.py", "x = 1\ny = 2  #: missing  #@y\n", SPECS, CHINESE))
			.hasMessageContaining("listing.py:2").hasMessageContaining("comment.missing").hasMessageContaining("texts_zh.properties");
		assertThatThrownBy(() -> ListingTemplate.parse("listing.py", "x = 1  #: why\n", SPECS, ENGLISH))
			.as("words after code have one line").hasMessageContaining("listing.py:1").hasMessageContaining("room for one");
		assertThatThrownBy(() -> ListingTemplate.parse("listing.py", "x = 1  #:Why\n", SPECS, ENGLISH))
			.hasMessageContaining("listing.py:1").hasMessageContaining("'#:' starts a comment key");
		assertThatThrownBy(() -> ListingTemplate.parse("listing.py", "  #: nap  #@sleep\n", SPECS, ENGLISH))
			.hasMessageContaining("names no code");
		assertThatThrownBy(() -> ListingTemplate.parse("listing.py", "x = 1  #: nap\n", SPECS,
				comments("texts_en.properties", "nap", "a {{minutes}} nap"))).hasMessageContaining("'minutes'");
	}

	@Test
	void aJavaListingShowsItsKeyedCommentsOnTheirOwnLines() {
		String source = "/**: about */\nclass X {\n\t/**\n\t *: why\n\t */\n\tvoid f() {\n\t\tsleep(2); //: nap // @sleep\n"
				+ "\t\tString url = \"https://example.com/\"; // a comment of its own\n\t}\n}\n";
		ListingComments chinese = comments("texts_zh.properties", "about", "一个类", "why", "为什么", "nap", "睡一会儿");
		JavaListing java = JavaListing.of("X.java", source, chinese);
		assertThat(java.text()).isEqualTo("/** 一个类 */\nclass X {\n\t/**\n\t * 为什么\n\t */\n\tvoid f() {\n\t\tsleep(2); // 睡一会儿\n"
				+ "\t\tString url = \"https://example.com/\"; // a comment of its own\n\t}\n}\n");
		assertThat(java.text().split("\n", -1)).as("no line moves").hasSameSizeAs(source.split("\n", -1));
		assertThat(java.anchors()).isEqualTo(Map.of(7, "sleep"));
		assertThat(java.commentKeys()).containsExactlyInAnyOrder("about", "why", "nap");
		assertThat(JavaListing.of("X.java", source).text()).as("read for its lines only").contains("//: nap");
	}

	@Test
	void aJavaCommentKeyWithoutWordsOrWithMoreThanOneLineFailsTheLoad() {
		assertThatThrownBy(() -> JavaListing.of("X.java", "class X {\n\tint y; //: gone\n}\n", CHINESE))
			.hasMessageContaining("X.java:2").hasMessageContaining("comment.gone").hasMessageContaining("texts_zh.properties");
		assertThatThrownBy(() -> JavaListing.of("X.java", "class X { //: why\n}\n", ENGLISH))
			.hasMessageContaining("X.java:1").hasMessageContaining("must not move");
		assertThatThrownBy(() -> JavaListing.of("X.java", "class X { //: nap\n}\n", ENGLISH))
			.as("a Java listing has no parameters to fill in").hasMessageContaining("'{{'");
	}

	@Test
	void aLessonsOwnWordsComeBeforeTheWordsEveryLessonShares() {
		ListingComments lesson = comments("texts_en.properties", "the-program", "---- this program ----");
		ListingComments shared = comments("comments_en.properties", "the-program", "---- the program ----", "how", "---- how ----");
		JavaListing java = JavaListing.of("X.java", "//: the-program\n//: how\n", lesson.or(shared));
		assertThat(java.text()).isEqualTo("// ---- this program ----\n// ---- how ----\n");
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

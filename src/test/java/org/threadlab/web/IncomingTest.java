package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadlab.launch.RunRequest;
import org.threadlab.scenario.Language;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Each message a client may send is read as its record, and each wrong one gets the error docs/protocol.md names. */
class IncomingTest {

	/** Strict about unknown members, so that the messages' own leniency is what is tested. */
	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private Incoming read(String text) {
		return Incoming.read(json, text);
	}

	private Messages.Error refusal(String text) {
		Incoming.Refused refused = catchThrowableOfType(Incoming.Refused.class, () -> read(text));
		assertThat(refused).as("refused: %s", text).isNotNull();
		return refused.error();
	}

	@Test
	void aStartCarriesItsRequestWithFlagsAsBooleansNumbersAsNumbersAndTheRestAsText() {
		Incoming message = read("{\"params\":{\"htmlSeconds\":2,\"join\":true,\"n\":\"5\",\"odd\":[1, 2],\"none\":null},"
				+ "\"type\":\"start\",\"scenario\":\"thread-target\",\"settings\":{\"speed\":0.5},\"extra\":1}");
		assertThat(message).isInstanceOf(Incoming.Start.class);
		RunRequest request = ((Incoming.Start) message).request();
		assertThat(request.scenario()).isEqualTo("thread-target");
		assertThat(request.params()).containsExactly(Map.entry("htmlSeconds", 2), Map.entry("join", true),
				Map.entry("n", "5"), Map.entry("odd", "[1,2]"), Map.entry("none", "null"));
		assertThat(request.settings()).containsExactly(Map.entry("speed", 0.5));
	}

	@Test
	void aStartWithoutParamsOrSettingsTakesNone() {
		RunRequest request = ((Incoming.Start) read("{\"type\":\"start\",\"scenario\":\"rlock\"}")).request();
		assertThat(request.params()).isEmpty();
		assertThat(request.settings()).isEmpty();
	}

	@Test
	void theMessagesWithoutMembersAreReadWhateverElseTheyHold() {
		assertThat(read("{\"type\":\"cancel\"}")).isEqualTo(new Incoming.Cancel());
		assertThat(read("{\"type\":\"pause\",\"actor\":\"x\"}")).isEqualTo(new Incoming.Pause());
		assertThat(read("{\"type\":\"resume\",\"actor\":2.5}")).isEqualTo(new Incoming.Resume());
	}

	@Test
	void aStepNamesItsActorOrTakesTheOneHeldLongest() {
		assertThat(read("{\"type\":\"step\",\"actor\":3}")).isEqualTo(new Incoming.Step(3));
		assertThat(read("{\"type\":\"step\"}")).isEqualTo(new Incoming.Step(Incoming.Step.LONGEST));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"one\"", "2.0", "2.5", "null", "2147483648", "[1]", "true" })
	void aStepWhoseActorIsNoWholeNumberIsMalformed(String actor) {
		assertThat(refusal("{\"type\":\"step\",\"actor\":" + actor + "}").code()).isEqualTo("malformed");
	}

	@Test
	void aPythonTakesItsLanguageEnglishWhenItHasNone() {
		Incoming.Python zh = (Incoming.Python) read("{\"type\":\"python\",\"scenario\":\"rlock\",\"lang\":\"zh\","
				+ "\"params\":{\"plainLock\":true}}");
		assertThat(zh.language()).isEqualTo(Language.ZH);
		assertThat(zh.request()).isEqualTo(new RunRequest("rlock", Map.of("plainLock", true), Map.of()));
		assertThat(((Incoming.Python) read("{\"type\":\"python\",\"scenario\":\"rlock\"}")).language()).isEqualTo(Language.EN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "../../x", "", "EN" })
	void aPythonInALanguageThePageDoesNotSpeakIsRefusedAsTheListingEndpointRefusesIt(String lang) {
		Messages.Error error = refusal("{\"type\":\"python\",\"scenario\":\"rlock\",\"lang\":\"" + lang + "\"}");
		assertThat(error.code()).isEqualTo("bad-parameter");
		assertThat(error.details()).isEqualTo(Map.of("parameter", "lang", "bounds", "en or zh"));
		assertThat(error.message()).isEqualTo("Parameter 'lang' must be en or zh; got \"" + lang + "\".");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n\t ", "{", "nope", "NaN", "{'type':'start'}", "{\"type\" \"start\"}",
			"{\"type\":\"start\",\"scenario\":\"rlock\",}", "{\"type\":\"dance\",\"x\":]" })
	void whatIsNotJsonIsMalformed(String text) {
		Messages.Error error = refusal(text);
		assertThat(error.code()).isEqualTo("malformed");
		assertThat(error.details()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"start\"}", "{\"type\":\"start\",\"scenario\":42}",
			"{\"type\":\"start\",\"scenario\":null}", "{\"type\":\"start\",\"scenario\":[\"rlock\"]}",
			"{\"type\":\"start\",\"scenario\":\"rlock\",\"params\":null}",
			"{\"type\":\"start\",\"scenario\":\"rlock\",\"params\":[]}",
			"{\"type\":\"start\",\"scenario\":\"rlock\",\"settings\":\"text\"}", "{\"type\":\"python\",\"scenario\":3}",
			"{\"type\":\"python\",\"scenario\":\"rlock\",\"lang\":null}",
			"{\"type\":\"python\",\"scenario\":\"rlock\",\"settings\":42}" })
	void aStartOrPythonOfTheWrongShapeIsMalformed(String text) {
		assertThat(refusal(text).code()).isEqualTo("malformed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,2,3]", "42", "\"start\"", "null", "true", "{}", "{\"type\":5}", "{\"type\":null}",
			"{\"type\":[\"start\"]}", "{\"type\":{\"start\":1}}", "{\"scenario\":\"rlock\"}" })
	void aMessageWithNoTypeThatIsTextHasAnUnknownTypeNamedNull(String text) {
		Messages.Error error = refusal(text);
		assertThat(error.code()).isEqualTo("unknown-type");
		assertThat(error.details()).isEqualTo(Map.of("type", "null"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "START", "Start", "Cancel", " start", "dance", "", "Error", "started" })
	void aTypeThatIsNotOneOfOursIsUnknownAndNamed(String type) {
		Messages.Error error = refusal("{\"type\":\"" + type + "\",\"scenario\":\"rlock\"}");
		assertThat(error.code()).isEqualTo("unknown-type");
		assertThat(error.details()).isEqualTo(Map.of("type", type));
	}

}

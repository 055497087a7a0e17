package org.threadlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.threadlab.cpython.PythonRuns;
import org.threadlab.launch.RunLauncher;
import org.threadlab.scenario.ParameterSpec;
import org.threadlab.scenario.Scenario;
import org.threadlab.scenario.ScenarioCatalog;
import org.threadlab.testing.SocketClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run socket answers exactly as docs/protocol.md says, whatever it is sent: generated messages,
 * right and wrong in every way the document names, each get the documented answer (or, where the
 * document says nothing is answered, nothing: a probe sent right after is answered first). Afterwards
 * the server still serves a run, and nothing is left: no run thread, no run, no socket, no stream.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProtocolFuzzIT {

	private static final int MESSAGES = 1200;

	private static final long SEED = Long.getLong("fuzz.seed", 20261126L);

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ScenarioCatalog catalog;

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunSocketHandler sockets;

	@Autowired
	EventPump pump;

	@Autowired
	PythonRuns pythons;

	/** What the document says the answer is: an error's code and its detail, a run, a listing in CPython, or nothing. */
	private record Expected(String code, String detailName, String detailValue, boolean runs, boolean python) {

		static Expected error(String code) {
			return new Expected(code, null, null, false, false);
		}

		static Expected error(String code, String detailName, String detailValue) {
			return new Expected(code, detailName, detailValue, false, false);
		}

		static Expected nothing() {
			return new Expected(null, null, null, false, false);
		}

		static Expected aRun() {
			return new Expected(null, null, null, true, false);
		}

		static Expected aListing() {
			return new Expected(null, null, null, false, true);
		}

	}

	private record Case(String message, Expected expected) {
	}

	@Test
	void everyGeneratedMessageGetsTheDocumentedAnswerAndTheServerStaysWhole() throws Exception {
		runAQuickLesson(); // the server's own threads, started on first use, are there before we look
		Set<String> threadsBefore = ServerLeftovers.liveThreads();
		Random random = new Random(SEED);
		List<Scenario> scenarios = new ArrayList<>(catalog.all());
		int runs = 0;
		int listings = 0;
		try (SocketClient client = new SocketClient(port)) {
			for (int i = 0; i < MESSAGES; i++) {
				Case c = generate(random, scenarios);
				String where = "message " + i + " (seed " + SEED + "): " + abbreviate(c.message());
				client.send(c.message());
				Expected expected = c.expected();
				if (expected.python() && !pythons.python().found()) {
					expected = Expected.error("no-python");
				}
				if (expected.python()) {
					listings++;
					untilListingEnds(client, where);
				}
				else if (expected.runs()) {
					runs++;
					JsonNode started = client.next("started");
					client.eventsUntilEnd(started.get("runId").asLong());
					for (String after : List.of("pause", "step", "resume")) {
						client.send("{\"type\":\"" + after + "\"}");
						expectNothing(client, i, where + " then " + after + " after its end");
					}
				}
				else if (expected.code() == null) {
					expectNothing(client, i, where);
				}
				else {
					JsonNode answer = client.next();
					assertThat(answer.path("type").asString()).as(where).isEqualTo("error");
					assertThat(answer.path("code").asString()).as(where).isEqualTo(expected.code());
					assertThat(answer.path("message").asString()).as(where).isNotBlank();
					if (expected.detailName() != null) {
						assertThat(answer.path("details").path(expected.detailName()).asString()).as(where)
							.isEqualTo(expected.detailValue());
					}
				}
			}
		}
		assertThat(runs).as("some generated messages were runs").isGreaterThan(20);
		assertThat(listings + (pythons.python().found() ? 0 : 1)).as("some were listings in CPython").isPositive();

		runAQuickLesson();
		ServerLeftovers.awaitNone(sockets, pump, launcher);
		assertThat(ServerLeftovers.liveThreads()).isSubsetOf(threadsBefore);
	}

	/**
	 * The room messages, right and wrong, from a socket that is in no room and then from a student's:
	 * malformed ones, unknown codes (and, past the burst of failures the document allows an address,
	 * {@code rate-limited}), a wrong secret, steering a room that is not the socket's, leaving no room.
	 * Each gets its documented answer or nothing, and the room and its run are untouched: the teacher's
	 * run still reaches the student whole.
	 */
	@Test
	void everyGeneratedRoomMessageGetsTheDocumentedAnswerAndTheRoomIsUntouched() throws Exception {
		Random random = new Random(SEED + 1);
		try (SocketClient teacher = new SocketClient(port); SocketClient client = new SocketClient(port)) {
			teacher.send("{\"type\":\"room-open\"}");
			JsonNode room = teacher.next("room");
			String code = room.get("code").asString();
			int failures = 0;
			boolean joined = false;
			for (int i = 0; i < 300; i++) {
				if (!joined && i == 150) {
					client.send("{\"type\":\"room-join\",\"code\":\"" + code.toLowerCase() + "\",\"name\":\"<script>x</script>\"}");
					JsonNode in = client.next();
					if ("error".equals(in.path("type").asString())) {
						assertThat(in.path("code").asString()).as("a right code while rate-limited").isEqualTo("rate-limited");
						Thread.sleep(in.path("details").path("retryAfterMs").asLong() + 50);
						i--;
						continue;
					}
					assertThat(in.path("type").asString()).isEqualTo("room");
					joined = true;
				}
				String where = "room message " + i + " (seed " + (SEED + 1) + ")";
				String code6 = randomCode(random, code);
				switch (random.nextInt(7)) {
					case 0 -> {
						client.send(pick(random, "{\"type\":\"room-join\"}", "{\"type\":\"room-join\",\"code\":42}",
								"{\"type\":\"room-join\",\"code\":\"" + code + "\",\"name\":\"" + "名".repeat(41) + "\"}",
								"{\"type\":\"room-join\",\"code\":\"" + "K".repeat(21) + "\"}",
								"{\"type\":\"room-teach\",\"code\":\"" + code + "\"}",
								"{\"type\":\"room-teach\",\"code\":\"" + code + "\",\"secret\":[1]}",
								"{\"type\":\"room-join\",\"code\":\"" + code + "\",\"following\":\"yes\"}",
								"{\"type\":\"room-lesson\",\"scenario\":7}",
								"{\"type\":\"room-lesson\",\"scenario\":\"deadlock\",\"challenge\":1}"));
						assertThat(client.next().path("code").asString()).as(where).isEqualTo("malformed");
					}
					case 1, 2 -> {
						client.send("{\"type\":\"room-join\",\"code\":" + quote(code6) + "}");
						String answer = client.next("error").path("code").asString();
						assertThat(answer).as(where).isIn(failures < 20 ? List.of("unknown-room") : List.of("unknown-room", "rate-limited"));
						failures++;
					}
					case 3 -> {
						client.send("{\"type\":\"room-teach\",\"code\":\"" + code + "\",\"secret\":" + quote(randomText(random, 10)) + "}");
						String answer = client.next("error").path("code").asString();
						assertThat(answer).as(where).isIn(failures < 20 ? List.of("not-teacher") : List.of("not-teacher", "rate-limited"));
						failures++;
					}
					case 4 -> {
						client.send(pick(random, "{\"type\":\"room-lesson\",\"scenario\":\"deadlock\"}", "{\"type\":\"room-close\"}"));
						expectNothing(client, i, where + ": a room that is not the socket's to steer");
					}
					case 5 -> {
						client.send("{\"type\":\"room-" + pick(random, "dance", "opened", "OPEN", "") + "\"}");
						assertThat(client.next().path("code").asString()).as(where).isEqualTo("unknown-type");
					}
					default -> {
						if (!joined) {
							client.send("{\"type\":\"room-leave\"}");
							assertThat(client.next().path("code").asString()).as(where).isEqualTo("not-in-room");
						}
						else {
							client.send("{\"type\":\"" + pick(random, "pause", "resume", "step", "cancel") + "\"}");
							expectNothing(client, i, where + ": a student's own run, which it has not");
						}
					}
				}
				if (joined && failures > 0 && random.nextInt(4) == 0) {
					joined = false; // now and then the student leaves (a refused join left it in the room), and joins again later
					client.send("{\"type\":\"room-leave\"}");
					assertThat(client.next("room-ended").path("reason").asString()).isEqualTo("left");
				}
			}
			// the room is untouched: the teacher's run reaches a student whole
			try (SocketClient student = new SocketClient(port)) {
				student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
				JsonNode in = student.next();
				while ("error".equals(in.path("type").asString())) { // the loopback address may still be slowed
					Thread.sleep(in.path("details").path("retryAfterMs").asLong() + 50);
					student.send("{\"type\":\"room-join\",\"code\":\"" + code + "\"}");
					in = student.next();
				}
				teacher.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
				long runId = teacher.next("started").get("runId").asLong();
				int taught = 0;
				for (JsonNode m = teacher.next(); !"end".equals(m.path("type").asString()); m = teacher.next()) {
					taught += "events".equals(m.path("type").asString()) ? m.get("events").size() : 0;
				}
				int seen = 0;
				for (JsonNode m = student.next(); !("room-end".equals(m.path("type").asString()) && m.path("runId").asLong() == runId); m = student.next()) {
					seen += "room-events".equals(m.path("type").asString()) ? m.get("events").size() : 0;
				}
				assertThat(seen).isEqualTo(taught);
			}
			teacher.send("{\"type\":\"room-close\"}");
			teacher.next("room-ended");
		}
		ServerLeftovers.awaitNone(sockets, pump, launcher);
	}

	/** A code of the room alphabet that is not the room's (most are no room at all), written as a learner may. */
	private static String randomCode(Random random, String not) {
		String alphabet = org.threadlab.rooms.RoomCode.ALPHABET;
		String code;
		do {
			StringBuilder c = new StringBuilder();
			for (int i = 0; i < 6; i++) {
				c.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			code = c.toString();
		}
		while (code.equals(not));
		return switch (random.nextInt(4)) {
			case 0 -> code.toLowerCase();
			case 1 -> code.substring(0, 3) + "-" + code.substring(3);
			case 2 -> pick(random, "", "0OIL18", "KM3R7", "KM3R7XX", "  ", "你好你好你好");
			default -> code;
		};
	}

	private void runAQuickLesson() throws InterruptedException {
		try (SocketClient client = new SocketClient(port)) {
			client.start("thread-target", "{\"htmlSeconds\": 0.1, \"urlSeconds\": 0.1}", 10);
			client.eventsUntilEnd(client.next("started").get("runId").asLong());
			if (pythons.python().found()) {
				client.send(python(quote("thread-target"), "{\"htmlSeconds\":0.1,\"urlSeconds\":0.1}", "{\"speed\":100}", null));
				untilListingEnds(client, "a quick listing");
			}
		}
	}

	/** A listing's answers: python-started (after python-queued, if it waited), its lines and trace, python-end. */
	private static void untilListingEnds(SocketClient client, String where) throws InterruptedException {
		JsonNode first = client.next();
		if (first.path("type").asString().equals("python-queued")) {
			first = client.next("python-started");
		}
		assertThat(first.path("type").asString()).as(where).isEqualTo("python-started");
		long id = first.path("pythonRunId").asLong();
		while (true) {
			JsonNode next = client.next();
			assertThat(next.path("pythonRunId").asLong()).as(where).isEqualTo(id);
			String type = next.path("type").asString();
			assertThat(type).as(where).isIn("python-output", "python-events", "python-end");
			if (type.equals("python-end")) {
				assertThat(next.path("status").asString()).as(where).isEqualTo("COMPLETED");
				return;
			}
		}
	}

	/** Nothing comes back: the answer to a probe sent next is the very next message. */
	private static void expectNothing(SocketClient client, int i, String where) throws InterruptedException {
		String probe = "probe-" + i;
		client.send("{\"type\":\"" + probe + "\"}");
		JsonNode next = client.next();
		assertThat(next.path("code").asString()).as(where + ": nothing but the probe's answer").isEqualTo("unknown-type");
		assertThat(next.path("details").path("type").asString()).as(where).isEqualTo(probe);
	}

	private Case generate(Random random, List<Scenario> scenarios) {
		return switch (random.nextInt(12)) {
			case 0 -> notJson(random);
			case 1 -> notAMessage(random);
			case 2 -> badStartShape(random, scenarios);
			case 3 -> new Case(start(quote("no-such-" + random.nextInt(1000)), null, null),
					Expected.error("unknown-scenario"));
			case 4, 5 -> badParameter(random, scenarios);
			case 6 -> badSetting(random, scenarios);
			case 7 -> new Case("{\"type\":\"" + pick(random, "cancel", "pause", "step", "resume") + "\""
					+ (random.nextBoolean() ? ",\"actor\":" + random.nextInt(5) : "") + "}", Expected.nothing());
			case 8 -> quickRun(random);
			case 9 -> pythonCase(random, scenarios);
			default -> random.nextBoolean() ? notJson(random) : badParameter(random, scenarios);
		};
	}

	private Case notJson(Random random) {
		String text = switch (random.nextInt(6)) {
			case 0 -> pick(random, "", " ", "\n\t ", "   \r\n");
			case 1 -> pick(random, "{", "}", "[", "{\"type\":", "{\"type\":\"start\"", "nope", "start", "{'type':'start'}",
					"{\"type\" \"start\"}", "NaN", "undefined");
			case 2 -> "~" + randomText(random, 1 + random.nextInt(60));
			case 3 -> {
				String whole = start(quote("thread-target"), "{\"htmlSeconds\":1}", null);
				yield whole.substring(0, 1 + random.nextInt(whole.length() - 1));
			}
			case 4 -> "{\"type\":\"start\",\"scenario\":\"rlock\"}" + pick(random, "x", "}", "{}", ",");
			default -> "{\"type\":\"start\",\"scenario\":\"rlock\",}";
		};
		return new Case(text, Expected.error("malformed"));
	}

	private Case notAMessage(Random random) {
		String text = pick(random, "[1,2,3]", "42", "-0.5", "\"start\"", "null", "true", "{}", "{\"type\":5}",
				"{\"type\":null}", "{\"type\":[\"start\"]}", "{\"type\":{\"start\":1}}", "{\"type\":\"START\"}",
				"{\"type\":\" start\"}", "{\"type\":\"dance\"}", "{\"type\":\"\"}", "{\"scenario\":\"rlock\"}",
				"[{\"type\":\"start\",\"scenario\":\"rlock\"}]");
		return new Case(text, Expected.error("unknown-type"));
	}

	/** A start whose scenario is missing or not text, or whose params or settings are not objects. */
	private Case badStartShape(Random random, List<Scenario> scenarios) {
		String known = quote(pick(random, scenarios).id());
		String notAnObject = pick(random, "42", "null", "true", "[]", "[1]", "\"text\"");
		String message = switch (random.nextInt(4)) {
			case 0 -> start(null, null, null);
			case 1 -> start(pick(random, "42", "null", "true", "[]", "{}", "[\"rlock\"]"), null, null);
			case 2 -> start(known, notAnObject, null);
			default -> start(known, null, notAnObject);
		};
		return new Case(message, Expected.error("malformed"));
	}

	private Case badParameter(Random random, List<Scenario> scenarios) {
		Scenario scenario = pick(random, scenarios);
		if (scenario.parameters().isEmpty() || random.nextInt(5) == 0) {
			String name = pick(random, "colour", "n ", "", "HTMLSECONDS", "__proto__", "speed");
			return new Case(start(quote(scenario.id()), "{" + quote(name) + ":1}", null),
					Expected.error("bad-parameter", "parameter", name));
		}
		ParameterSpec spec = pick(random, scenario.parameters());
		String value = wrongValue(random, spec);
		return new Case(start(quote(scenario.id()), "{" + quote(spec.name()) + ":" + value + "}", null),
				Expected.error("bad-parameter", "parameter", spec.name()));
	}

	private Case badSetting(Random random, List<Scenario> scenarios) {
		Scenario scenario = pick(random, scenarios);
		ParameterSpec spec = pick(random, launcher.settingSpecs());
		return new Case(start(quote(scenario.id()), null, "{" + quote(spec.name()) + ":" + wrongValue(random, spec) + "}"),
				Expected.error("bad-parameter", "parameter", spec.name()));
	}

	/** A value the spec must refuse: of another JSON type, the text of a right one, or out of bounds. */
	private static String wrongValue(Random random, ParameterSpec spec) {
		List<String> wrong = new ArrayList<>(List.of("null", "[]", "{}", "\"\"", "\"x\""));
		switch (spec.type()) {
			case BOOLEAN -> wrong.addAll(List.of("\"true\"", "\"false\"", "0", "1", "\"yes\""));
			case INTEGER, DECIMAL -> {
				wrong.addAll(List.of("true", "false", "\"" + spec.minText() + "\"", "\"" + spec.maxText() + "\"",
						String.valueOf(spec.max() + 1), String.valueOf(spec.min() - 1), "1e999", "-1e999"));
				if (spec.type() == ParameterSpec.Type.INTEGER) {
					wrong.add(spec.minText() + ".5");
				}
			}
		}
		return pick(random, wrong);
	}

	/** A right request for a run that is over in moments. */
	private Case quickRun(Random random) {
		String message = pick(random,
				start(quote("thread-target"), "{\"htmlSeconds\":0.1,\"urlSeconds\":0.1}", "{\"speed\":100}"),
				start(quote("rlock"), "{\"plainLock\":" + random.nextBoolean() + "}", "{\"speed\":100,\"gil\":false}"),
				start(quote("deadlock"), "{\"pause\":0}", "{\"speed\":100}"),
				start(quote("gil-race"), "{\"n\":" + (1 + random.nextInt(50)) + "}", "{\"everyBytecode\":true}"),
				"{\"settings\":{\"speed\":100},\"scenario\":\"condition-poem\",\"type\":\"start\",\"extra\":1,"
						+ "\"params\":{\"lineSeconds\":0}}");
		return new Case(message, Expected.aRun());
	}

	/** A python message: of the wrong shape, in an unknown language, for no scenario, a wrong parameter, or right. */
	private Case pythonCase(Random random, List<Scenario> scenarios) {
		String known = quote(pick(random, scenarios).id());
		return switch (random.nextInt(6)) {
			case 0 -> new Case(pick(random, python(pick(random, "42", "null", "[]"), null, null, null),
					python(known, pick(random, "42", "[]", "\"x\""), null, null), python(known, null, null, pick(random, "1", "null", "[\"en\"]"))),
					Expected.error("malformed"));
			case 1 -> {
				String lang = pick(random, "fr", "../../x", "EN", "", "zh-CN", "en ");
				yield new Case(python(known, null, null, quote(lang)), Expected.error("bad-parameter", "parameter", "lang"));
			}
			case 2 -> new Case(python(quote("no-such-" + random.nextInt(1000)), null, null, null), Expected.error("unknown-scenario"));
			case 3 -> {
				Case wrong = badParameter(random, scenarios);
				yield new Case(wrong.message().replaceFirst("\"start\"", "\"python\""), wrong.expected());
			}
			default -> new Case(python(quote("thread-target"), "{\"htmlSeconds\":0.1,\"urlSeconds\":0.1}", "{\"speed\":100}",
					random.nextBoolean() ? null : quote(pick(random, "en", "zh"))), Expected.aListing());
		};
	}

	private static String python(String scenario, String params, String settings, String lang) {
		String message = start(scenario, params, settings).replaceFirst("\"start\"", "\"python\"");
		return lang == null ? message : message.substring(0, message.length() - 1) + ",\"lang\":" + lang + "}";
	}

	private static String start(String scenario, String params, String settings) {
		StringBuilder message = new StringBuilder("{\"type\":\"start\"");
		if (scenario != null) {
			message.append(",\"scenario\":").append(scenario);
		}
		if (params != null) {
			message.append(",\"params\":").append(params);
		}
		if (settings != null) {
			message.append(",\"settings\":").append(settings);
		}
		return message.append('}').toString();
	}

	private String quote(String text) {
		ObjectNode holder = json.createObjectNode().put("v", text);
		String whole = json.writeValueAsString(holder);
		return whole.substring("{\"v\":".length(), whole.length() - 1);
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(switch (random.nextInt(4)) {
				case 0 -> 0x20 + random.nextInt(0x5f);
				case 1 -> 0x4e00 + random.nextInt(0x2000);
				case 2 -> pick(random, List.of((int) '{', (int) '}', (int) '"', (int) ':', (int) ',', (int) '\\'));
				default -> 0x1f600 + random.nextInt(0x40);
			});
		}
		return text.toString();
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static <T> T pick(Random random, List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	private static String abbreviate(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

}

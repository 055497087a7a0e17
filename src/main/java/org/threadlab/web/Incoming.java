package org.threadlab.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.threadlab.launch.RunRequest;
import org.threadlab.scenario.Language;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages a client sends on the run socket (docs/protocol.md), read by Jackson by their
 * {@code "type"}: immutable records, as the server's own {@link Messages} are. Each record checks its
 * members where it is declared, in the factory Jackson reads it with, and refuses a wrong one with the
 * documented error ({@link Refused}); so what {@link #read} returns is right, and the socket's handler
 * only dispatches it. Members a message does not know are ignored.
 * <p>
 * A member's JSON type is checked as the protocol says, not coerced: the factories take the members
 * as JSON ({@code 42} is no scenario, {@code 2.0} no actor, {@code null} no params).
 * <p>
 * Stateless: {@link #read} may be called from any thread.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Incoming.Start.class, name = "start"),
		@JsonSubTypes.Type(value = Incoming.Cancel.class, name = "cancel"),
		@JsonSubTypes.Type(value = Incoming.Pause.class, name = "pause"),
		@JsonSubTypes.Type(value = Incoming.Step.class, name = "step"),
		@JsonSubTypes.Type(value = Incoming.Resume.class, name = "resume"),
		@JsonSubTypes.Type(value = Incoming.Python.class, name = "python"),
		@JsonSubTypes.Type(value = Incoming.RoomOpen.class, name = "room-open"),
		@JsonSubTypes.Type(value = Incoming.RoomTeach.class, name = "room-teach"),
		@JsonSubTypes.Type(value = Incoming.RoomJoin.class, name = "room-join"),
		@JsonSubTypes.Type(value = Incoming.RoomLesson.class, name = "room-lesson"),
		@JsonSubTypes.Type(value = Incoming.RoomClose.class, name = "room-close"),
		@JsonSubTypes.Type(value = Incoming.RoomLeave.class, name = "room-leave") })
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface Incoming {

	/** {@code start}: run a scenario, replacing the socket's previous request. */
	record Start(RunRequest request) implements Incoming {

		@JsonCreator
		static Start of(@JsonProperty("scenario") JsonNode scenario, @JsonProperty("params") JsonNode params,
				@JsonProperty("settings") JsonNode settings) {
			if (!isText(scenario) || !isObjectOrAbsent(params) || !isObjectOrAbsent(settings)) {
				throw Refused.malformed("A start message needs \"scenario\" (text), and may have \"params\" and "
						+ "\"settings\" (objects).");
			}
			return new Start(new RunRequest(scenario.asString(), values(params), values(settings)));
		}

	}

	/** {@code cancel}: stop the socket's run and its CPython run, or take its request out of the queue. */
	record Cancel() implements Incoming {
	}

	/** {@code pause}: hold every thread of the socket's run at its next step. */
	record Pause() implements Incoming {
	}

	/** {@code step}: let one held step through: actor {@code actor}'s, or with {@link #LONGEST} the one held longest. */
	record Step(int actor) implements Incoming {

		static final int LONGEST = -1;

		@JsonCreator
		static Step of(@JsonProperty("actor") JsonNode actor) {
			if (actor == null) {
				return new Step(LONGEST);
			}
			if (!actor.isIntegralNumber() || !actor.canConvertToInt()) {
				throw Refused.malformed("A step's \"actor\" must be an actor's id (a whole number).");
			}
			return new Step(actor.intValue());
		}

	}

	/** {@code resume}: let every thread of the socket's run go. */
	record Resume() implements Incoming {
	}

	/** {@code python}: run the scenario's listing under real CPython, its comments in {@code language}. */
	record Python(RunRequest request, Language language) implements Incoming {

		@JsonCreator
		static Python of(@JsonProperty("scenario") JsonNode scenario, @JsonProperty("params") JsonNode params,
				@JsonProperty("settings") JsonNode settings, @JsonProperty("lang") JsonNode lang) {
			if (!isText(scenario) || !isObjectOrAbsent(params) || !isObjectOrAbsent(settings)
					|| !(lang == null || lang.isString())) {
				throw Refused.malformed("A python message needs \"scenario\" (text), and may have \"params\" and "
						+ "\"settings\" (objects) and \"lang\" (text).");
			}
			Language language = Language.ofCode(lang == null ? "en" : lang.asString())
				.orElseThrow(() -> Refused.badLanguage(lang.asString()));
			return new Python(new RunRequest(scenario.asString(), values(params), values(settings)), language);
		}

	}

	/** {@code room-open}: open a room; the socket teaches it. */
	record RoomOpen() implements Incoming {
	}

	/** {@code room-teach}: the teacher takes the room back with its secret; {@code scenario} is the page's lesson, or null. */
	record RoomTeach(String code, String secret, String scenario) implements Incoming {

		@JsonCreator
		static RoomTeach of(@JsonProperty("code") JsonNode code, @JsonProperty("secret") JsonNode secret,
				@JsonProperty("scenario") JsonNode scenario) {
			if (!isText(code, 20) || !isText(secret, 64) || !isTextOrAbsent(scenario, 64)) {
				throw Refused.malformed("A room-teach message needs \"code\" and \"secret\" (short texts), and may have "
						+ "\"scenario\" (text).");
			}
			return new RoomTeach(code.asString(), secret.asString(), textOrNull(scenario));
		}

	}

	/** {@code room-join}: a student joins, or comes back as themselves with {@code member}. */
	record RoomJoin(String code, String name, String member, String scenario, boolean following) implements Incoming {

		static final int MAX_NAME = 40;

		@JsonCreator
		static RoomJoin of(@JsonProperty("code") JsonNode code, @JsonProperty("name") JsonNode name,
				@JsonProperty("member") JsonNode member, @JsonProperty("scenario") JsonNode scenario,
				@JsonProperty("following") JsonNode following) {
			if (!isText(code, 20) || !isTextOrAbsent(name, MAX_NAME) || !isTextOrAbsent(member, 64)
					|| !isTextOrAbsent(scenario, 64) || !(following == null || following.isBoolean())) {
				throw Refused.malformed("A room-join message needs \"code\" (short text), and may have \"name\" (up to "
						+ MAX_NAME + " characters), \"member\", \"scenario\" (texts) and \"following\" (a flag).");
			}
			return new RoomJoin(code.asString(), textOrNull(name), textOrNull(member), textOrNull(scenario),
					following == null || following.booleanValue());
		}

	}

	/** {@code room-lesson}: the teacher sends the class to a lesson, or its challenge. */
	record RoomLesson(RunRequest request, boolean challenge) implements Incoming {

		@JsonCreator
		static RoomLesson of(@JsonProperty("scenario") JsonNode scenario, @JsonProperty("params") JsonNode params,
				@JsonProperty("settings") JsonNode settings, @JsonProperty("challenge") JsonNode challenge) {
			if (!isText(scenario) || !isObjectOrAbsent(params) || !isObjectOrAbsent(settings)
					|| !(challenge == null || challenge.isBoolean())) {
				throw Refused.malformed("A room-lesson message needs \"scenario\" (text), and may have \"params\" and "
						+ "\"settings\" (objects) and \"challenge\" (a flag).");
			}
			return new RoomLesson(new RunRequest(scenario.asString(), values(params), values(settings)),
					challenge != null && challenge.booleanValue());
		}

	}

	/** {@code room-close}: the teacher ends the room. */
	record RoomClose() implements Incoming {
	}

	/** {@code room-leave}: the socket leaves its room. */
	record RoomLeave() implements Incoming {
	}

	/** A message the protocol refuses: the error to answer it with. Nothing else changes. */
	final class Refused extends RuntimeException {

		private final transient Messages.Error error;

		private Refused(String code, String message, Map<String, Object> details) {
			super(message, null, false, false);
			this.error = new Messages.Error(code, message, details);
		}

		static Refused malformed(String message) {
			return new Refused("malformed", message, Map.of());
		}

		/** A {@code lang} that is not one of the page's languages, refused as the listing endpoint refuses it. */
		static Refused badLanguage(String lang) {
			return new Refused("bad-parameter", "Parameter 'lang' must be en or zh; got \"" + lang + "\".",
					Map.of("parameter", "lang", "bounds", "en or zh"));
		}

		/** @param type the message's type, or null when it has none that is text */
		static Refused unknownType(String type) {
			return new Refused("unknown-type",
					"A message's \"type\" must be \"start\", \"cancel\", \"pause\", \"step\", \"resume\", \"python\" "
							+ "or one of the room messages.",
					Map.of("type", String.valueOf(type)));
		}

		Messages.Error error() {
			return error;
		}

	}

	/**
	 * Reads one text frame of the socket as the message it is.
	 * @throws Refused {@code malformed} when it is not JSON (blank included) or a member of the wrong JSON
	 *         type; {@code unknown-type} when it is no object or its {@code type} is not one of ours
	 */
	static Incoming read(JsonMapper json, String text) {
		JsonNode message;
		try {
			message = text.isBlank() ? null : json.readTree(text);
		}
		catch (JacksonException notJson) {
			message = null;
		}
		if (message == null || message.isMissingNode()) {
			throw Refused.malformed("The message is not JSON.");
		}
		JsonNode type = message.path("type");
		if (!message.isObject() || !type.isString()) {
			throw Refused.unknownType(null);
		}
		try {
			return json.treeToValue(message, Incoming.class);
		}
		catch (InvalidTypeIdException unknown) {
			throw Refused.unknownType(type.asString());
		}
		catch (JacksonException wrong) {
			for (Throwable cause = wrong; cause != null; cause = cause.getCause()) {
				if (cause instanceof Refused refused) {
					throw refused; // what a record's factory said, which Jackson wraps
				}
			}
			throw wrong;
		}
	}

	private static boolean isText(JsonNode member) {
		return member != null && member.isString();
	}

	private static boolean isText(JsonNode member, int maxLength) {
		return isText(member) && member.asString().length() <= maxLength;
	}

	private static boolean isTextOrAbsent(JsonNode member, int maxLength) {
		return member == null || isText(member, maxLength);
	}

	private static String textOrNull(JsonNode member) {
		return member == null ? null : member.asString();
	}

	/** Absent is fine; JSON's null is not an object. */
	private static boolean isObjectOrAbsent(JsonNode member) {
		return member == null || member.isObject();
	}

	/**
	 * A JSON object's members as plain values: flags as Boolean, numbers as Number; anything else as
	 * text (a string's, or the JSON's), which no parameter accepts. Absent: none.
	 */
	private static Map<String, Object> values(JsonNode object) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (object == null) {
			return values;
		}
		for (Map.Entry<String, JsonNode> member : object.properties()) {
			JsonNode value = member.getValue();
			values.put(member.getKey(), value.isBoolean() ? (Object) value.booleanValue()
					: value.isNumber() ? value.numberValue() : value.isString() ? value.asString() : value.toString());
		}
		return values;
	}

}

package org.threadlab.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.threadlab.rooms.RoomRefused;
import org.threadlab.rooms.Rooms;
import org.threadlab.rooms.Throttle;
import org.threadlab.saved.NotARecording;
import org.threadlab.saved.SavedRun;
import org.threadlab.saved.SavedRunStore;

/**
 * Saved runs over HTTP (docs/protocol.md, "Saved runs"): saving a finished run's recording, reading it
 * back, its short link, and a room's list. Refusals are the socket's {@code error} body with an HTTP
 * status. Thread-safe.
 */
@RestController
class SavedRunController {

	private final SavedRunStore store;

	private final Rooms rooms;

	private final Throttle saves;

	SavedRunController(SavedRunStore store, Rooms rooms) {
		this.store = store;
		this.rooms = rooms;
		int perMinute = store.settings().perMinute();
		this.saves = new Throttle(perMinute, 60_000_000_000L / perMinute);
	}

	record Created(String id, String link, String expiresAt) {
	}

	@PostMapping("/api/runs")
	ResponseEntity<?> save(HttpServletRequest request, @RequestParam(required = false) String room,
			@RequestHeader(name = "X-Room-Secret", required = false) String secret) throws IOException {
		String address = ClientAddress.of(new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()));
		long wait = saves.waitNanos(address, System.nanoTime());
		if (wait > 0) {
			return refuse(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many saves from this address.",
					Map.of("retryAfterMs", wait / 1_000_000));
		}
		int limit = store.settings().maxBytes();
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(limit + 1);
		}
		if (body.length > limit) {
			return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "A recording may have at most " + limit + " bytes.",
					Map.of("limit", limit));
		}
		String roomCode = null;
		if (room != null) {
			try {
				roomCode = rooms.find(room, address).code().value();
			}
			catch (RoomRefused refused) {
				return refuse(refused.code().equals("rate-limited") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.NOT_FOUND,
						refused.code(), refused.getMessage(), refused.details());
			}
			if (!rooms.isTeacher(roomCode, secret)) {
				return refuse(HttpStatus.FORBIDDEN, "not-teacher", "Only the room's teacher may save runs in it.", Map.of());
			}
		}
		SavedRun run;
		try {
			run = store.save(body, roomCode);
		}
		catch (NotARecording not) {
			return refuse(HttpStatus.BAD_REQUEST, "not-a-recording", "Not a finished run's recording: " + not.getMessage(),
					Map.of());
		}
		saves.failed(address, System.nanoTime()); // counts the save
		String link = "/r/" + run.id();
		return ResponseEntity.created(URI.create(link)).body(new Created(run.id(), link, run.expiresAt().toString()));
	}

	@GetMapping(path = "/api/runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> open(@PathVariable String id) {
		return store.open(id).<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> refuse(HttpStatus.NOT_FOUND, "unknown-run", "There is no saved run with that id.", Map.of()));
	}

	/** The short link: the lesson's page, which opens the saved run in replay. */
	@GetMapping("/r/{id}")
	ResponseEntity<?> link(@PathVariable String id, @RequestParam(required = false) String lang) {
		return store.find(id).<ResponseEntity<?>>map(run -> {
			UriComponentsBuilder page = UriComponentsBuilder.fromPath("/scenarios/{scenario}").queryParam("saved", run.id());
			if ("en".equals(lang) || "zh".equals(lang)) {
				page.queryParam("lang", lang);
			}
			return ResponseEntity.status(HttpStatus.FOUND).location(page.buildAndExpand(run.scenario()).toUri()).build();
		}).orElseGet(() -> refuse(HttpStatus.NOT_FOUND, "unknown-run", "There is no saved run with that id.", Map.of()));
	}

	@GetMapping("/api/rooms/{code}/runs")
	ResponseEntity<?> inRoom(@PathVariable String code, HttpServletRequest request) {
		String address = ClientAddress.of(new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()));
		try {
			String room = rooms.find(code, address).code().value();
			List<RoomMessages.Saved> runs = store.inRoom(room).stream().map(RoomMessages.Saved::of).toList();
			return ResponseEntity.ok(runs);
		}
		catch (RoomRefused refused) {
			return refuse(refused.code().equals("rate-limited") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.NOT_FOUND,
					refused.code(), refused.getMessage(), refused.details());
		}
	}

	private static ResponseEntity<?> refuse(HttpStatus status, String code, String message, Map<String, Object> details) {
		return ResponseEntity.status(status).body(Map.of("code", code, "message", message, "details", details));
	}

}

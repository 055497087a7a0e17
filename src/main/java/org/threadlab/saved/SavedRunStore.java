package org.threadlab.saved;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.threadlab.scenario.ScenarioCatalog;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved runs: a finished run's recording (the page's, as *Download recording* saves it) kept in the
 * database under an id of 128 random bits, read back whole, listed for a room, and deleted once
 * {@link SavedSettings#keepDays()} have passed (a sweeper thread, {@code threadlab-saved}, hourly).
 * <p>
 * Thread-safety: any thread; the database keeps the state.
 */
@Service
public class SavedRunStore {

	private static final Logger LOG = LoggerFactory.getLogger(SavedRunStore.class);

	private final SavedRuns runs;

	private final SavedRecordings recordings;

	private final JdbcAggregateTemplate jdbc;

	private final SavedSettings settings;

	private final ScenarioCatalog catalog;

	private final JsonMapper json;

	private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "threadlab-saved");
		thread.setDaemon(true);
		return thread;
	});

	SavedRunStore(SavedRuns runs, SavedRecordings recordings, JdbcAggregateTemplate jdbc, SavedSettings settings,
			ScenarioCatalog catalog, JsonMapper json) {
		this.runs = runs;
		this.recordings = recordings;
		this.jdbc = jdbc;
		this.settings = settings;
		this.catalog = catalog;
		this.json = json;
		sweeper.scheduleWithFixedDelay(this::deleteExpired, 1, 60, TimeUnit.MINUTES);
	}

	public SavedSettings settings() {
		return settings;
	}

	/**
	 * Saves a recording, listed in {@code roomCode}'s runs when not null (the caller checked the
	 * teacher's secret).
	 * @throws NotARecording when it is not a finished run's recording of a known lesson
	 */
	@Transactional
	public SavedRun save(byte[] recording, String roomCode) throws NotARecording {
		if (recording.length > settings.maxBytes()) {
			throw new NotARecording("larger than " + settings.maxBytes() + " bytes");
		}
		JsonNode root;
		try {
			root = json.readTree(recording);
		}
		catch (JacksonException notJson) {
			throw new NotARecording("not JSON");
		}
		String scenario = root.path("scenario").isString() ? root.path("scenario").asString() : null;
		JsonNode status = root.path("outcome").path("status");
		if (!"threadlab-recording".equals(root.path("format").asString(null)) || root.path("version").asInt(99) > 1
				|| scenario == null || catalog.find(scenario).isEmpty() || !root.path("started").isObject()
				|| !root.path("events").isArray() || !status.isString() || status.asString().length() > 16) {
			throw new NotARecording("not a finished run's recording of a known lesson");
		}
		Instant now = Instant.now();
		SavedRun run = new SavedRun(org.threadlab.rooms.Tokens.random(128), scenario, status.asString(), roomCode, now,
				now.plus(Duration.ofSeconds((long) (settings.keepDays() * 86400))), recording.length);
		jdbc.insert(run);
		jdbc.insert(new SavedRecording(run.id(), gzip(recording)));
		return run;
	}

	/** A saved run's recording, as it was saved; empty when there is none, or it expired. */
	public Optional<byte[]> open(String id) {
		if (id == null || id.length() > 32) {
			return Optional.empty();
		}
		return runs.findById(id)
			.filter(run -> run.expiresAt().isAfter(Instant.now()))
			.flatMap(run -> recordings.findById(id))
			.map(r -> gunzip(r.body()));
	}

	/** What a link shows of a saved run, before its recording. */
	public Optional<SavedRun> find(String id) {
		return id == null || id.length() > 32 ? Optional.empty()
				: runs.findById(id).filter(run -> run.expiresAt().isAfter(Instant.now()));
	}

	/** The room's saved runs, newest first. */
	public List<SavedRun> inRoom(String roomCode) {
		return runs.inRoom(roomCode).stream().filter(run -> run.expiresAt().isAfter(Instant.now())).toList();
	}

	/** Deletes the expired runs; returns how many. */
	public int deleteExpired() {
		try {
			int deleted = runs.deleteExpired(Instant.now());
			if (deleted > 0) {
				LOG.info("deleted {} expired saved runs", deleted);
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			LOG.warn("could not delete the expired saved runs: {}", ex.toString());
			return 0;
		}
	}

	@PreDestroy
	void stop() {
		sweeper.shutdownNow();
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] gunzip(byte[] bytes) {
		try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return zip.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

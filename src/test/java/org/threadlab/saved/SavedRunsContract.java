package org.threadlab.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.threadlab.rooms.Rooms;

/**
 * What the database of saved runs and rooms must do, whichever engine keeps it: the embedded H2 file
 * by default ({@link SavedRunsH2IT}), a real PostgreSQL ({@link SavedRunsPostgresIT}).
 */
abstract class SavedRunsContract {

	static final String RECORDING = """
			{"format":"threadlab-recording","version":1,"scenario":"thread-target","lang":"en",
			 "started":{"runId":7,"speed":4,"params":{},"settings":{}},"lessonTime":true,
			 "events":[{"seq":0,"timeNs":1,"actor":0,"kind":"BEGIN","object":null,"value":4,"line":0,"cause":-1}],
			 "outcome":{"status":"COMPLETED","error":null,"elapsedNs":5,"dropped":0}}""";

	@Autowired
	SavedRunStore store;

	@Autowired
	Rooms rooms;

	@Autowired
	JdbcClient sql;

	@Test
	void aSavedRunComesBackAsItWasUnderAnIdNoOneCanGuess() throws Exception {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			SavedRun run = store.save(RECORDING.getBytes(StandardCharsets.UTF_8), null);
			assertThat(run.id()).as("128 random bits, base64url").matches("[A-Za-z0-9_-]{22}");
			ids.add(run.id());
			assertThat(new String(store.open(run.id()).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(RECORDING);
			assertThat(store.find(run.id()).orElseThrow().outcome()).isEqualTo("COMPLETED");
		}
		assertThat(ids).hasSize(20);
		assertThat(store.open("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
	}

	@Test
	void whatIsNotAFinishedRecordingOfAKnownLessonIsRefused() {
		for (String wrong : new String[] { "not json", "{}", RECORDING.replace("thread-target", "no-such-lesson"),
				RECORDING.replace("\"outcome\":{\"status\":\"COMPLETED\",", "\"outcome\":{\"x\":\"COMPLETED\","),
				RECORDING.replace("threadlab-recording", "other") }) {
			assertThatThrownBy(() -> store.save(wrong.getBytes(StandardCharsets.UTF_8), null))
				.isInstanceOf(NotARecording.class);
		}
		byte[] huge = new byte[store.settings().maxBytes() + 1];
		assertThatThrownBy(() -> store.save(huge, null)).isInstanceOf(NotARecording.class);
	}

	@Test
	void aRoomListsTheRunsItsTeacherSavedNewestFirst() throws Exception {
		Rooms.Opened opened = rooms.open();
		String code = opened.room().code().value();
		SavedRun first = store.save(RECORDING.getBytes(StandardCharsets.UTF_8), code);
		Thread.sleep(5);
		SavedRun second = store.save(RECORDING.getBytes(StandardCharsets.UTF_8), code);
		store.save(RECORDING.getBytes(StandardCharsets.UTF_8), null);
		assertThat(store.inRoom(code)).extracting(SavedRun::id).containsExactly(second.id(), first.id());
		assertThat(rooms.isTeacher(code, opened.secret())).isTrue();
		assertThat(rooms.isTeacher(code, opened.secret() + "x")).isFalse();
		rooms.close(opened.room(), "closed");
		assertThat(sql.sql("select ended_at from room where code = ?").param(code).query(Instant.class).single())
			.as("the room's end is kept").isNotNull();
		assertThatThrownBy(() -> rooms.join(code, "", null, "10.9.9.9")).hasMessageContaining("No room");
	}

	@Test
	void expiredRunsAreDeletedWithTheirRecordings() throws Exception {
		SavedRun run = store.save(RECORDING.getBytes(StandardCharsets.UTF_8), null);
		sql.sql("update saved_run set expires_at = ? where id = ?").params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), run.id()).update();
		assertThat(store.open(run.id())).as("an expired run is not shown, even before it is deleted").isEmpty();
		assertThat(store.deleteExpired()).isGreaterThanOrEqualTo(1);
		assertThat(sql.sql("select count(*) from saved_recording where id = ?").param(run.id()).query(Long.class).single())
			.isZero();
	}

}

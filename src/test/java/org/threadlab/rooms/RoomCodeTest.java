package org.threadlab.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoomCodeTest {

	@Test
	void aCodeHasNoCharacterThatReadsAsAnother() {
		for (char c : "0O1IL8BDEGPTVZCSUNJA".toCharArray()) {
			assertThat(RoomCode.ALPHABET).doesNotContain(String.valueOf(c));
		}
		assertThat(RoomCode.ALPHABET).hasSize(16);
		Set<String> codes = new HashSet<>();
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < 1000; i++) {
			codes.add(RoomCode.random(random).value());
		}
		assertThat(codes).hasSizeGreaterThan(990).allMatch(c -> c.matches("[2345679FHKMQRWXY]{6}"));
	}

	@Test
	void aCodeIsReadAsALearnerTypesIt() {
		assertThat(RoomCode.parse("km3-r7x")).map(RoomCode::value).contains("KM3R7X");
		assertThat(RoomCode.parse(" KM3 R7X ")).map(RoomCode::shown).contains("KM3-R7X");
		assertThat(RoomCode.parse("KM3R7")).isEmpty();
		assertThat(RoomCode.parse("KM3R70")).isEmpty();
		assertThat(RoomCode.parse(null)).isEmpty();
		assertThat(RoomCode.parse("K".repeat(21))).isEmpty();
	}

}

package org.threadlab.rooms;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A room's code: six characters of an alphabet that reads aloud without doubt ({@value #ALPHABET}: no
 * 0/O, 1/I/L, 8/B, no letters that rhyme with another, no vowel to spell a word), shown as two groups
 * ({@code KM3-R7X}) and read without case, spaces or dashes. Immutable.
 */
public record RoomCode(String value) {

	public static final String ALPHABET = "234567" + "9FHKMQRWXY";

	public static final int LENGTH = 6;

	public RoomCode {
		if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			throw new IllegalArgumentException("not a room code: " + value);
		}
	}

	/** A new random code (16^6 = 16.7 million of them). */
	public static RoomCode random(SecureRandom random) {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return new RoomCode(code.toString());
	}

	/** The code a learner typed ({@code "km3 r7x"}, {@code "KM3-R7X"}), or empty when it cannot be one. */
	public static Optional<RoomCode> parse(String typed) {
		if (typed == null || typed.length() > 20) {
			return Optional.empty();
		}
		String bare = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
		if (bare.length() != LENGTH || !bare.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(new RoomCode(bare));
	}

	/** As it is shown and read aloud: {@code KM3-R7X}. */
	public String shown() {
		return value.substring(0, 3) + "-" + value.substring(3);
	}

	@Override
	public String toString() {
		return value;
	}

}

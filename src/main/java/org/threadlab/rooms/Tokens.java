package org.threadlab.rooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable tokens (a teacher's secret, a student's member token, a saved run's id) and the hash a
 * secret is kept as. Stateless; {@link SecureRandom} is thread-safe.
 */
public final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	/** {@code bits} random bits (a multiple of 8) as base64url without padding. */
	public static String random(int bits) {
		byte[] bytes = new byte[bits / 8];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static SecureRandom randomSource() {
		return RANDOM;
	}

	/** SHA-256 of the text, in hex: what the database keeps of a secret. */
	public static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

	/** Compares in time that does not depend on where they differ. */
	public static boolean same(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}

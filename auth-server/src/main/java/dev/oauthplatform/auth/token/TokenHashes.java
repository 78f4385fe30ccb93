package dev.oauthplatform.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Token values are stored as their SHA-256: a database dump yields no usable code or token.
 * A token read back from the database carries a placeholder value naming its hash, except the
 * one the caller looked up, whose real value it already holds.
 */
public final class TokenHashes {

	private static final String PLACEHOLDER_PREFIX = "#sha256:";

	private TokenHashes() {
	}

	/** The hash of a value a caller presents: always hashed, so that a stored hash never works as a token. */
	public static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The hash to store for a value of an authorization being saved: a value read back from the
	 * database is its placeholder, which names the hash already stored. Never for lookups.
	 */
	static String storedHash(String value) {
		return value.startsWith(PLACEHOLDER_PREFIX) ? value.substring(PLACEHOLDER_PREFIX.length()) : hash(value);
	}

	static boolean isPlaceholder(String value) {
		return value.startsWith(PLACEHOLDER_PREFIX);
	}

	static String placeholder(String hash) {
		return PLACEHOLDER_PREFIX + hash;
	}

}

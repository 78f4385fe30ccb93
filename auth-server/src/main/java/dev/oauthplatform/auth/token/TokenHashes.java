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

	public static String hash(String value) {
		if (value.startsWith(PLACEHOLDER_PREFIX)) {
			return value.substring(PLACEHOLDER_PREFIX.length());
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String placeholder(String hash) {
		return PLACEHOLDER_PREFIX + hash;
	}

}

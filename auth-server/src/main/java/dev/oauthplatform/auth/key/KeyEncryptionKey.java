package dev.oauthplatform.auth.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that a key encryption secret stands for. A secret that is generator output of
 * at least 256 bits (hex, or base64 in either alphabet) is taken as random: HKDF-SHA-256 turns it
 * into the key. Anything shorter is a passphrase: PBKDF2-SHA-256 with
 * 600,000 iterations (OWASP 2023), derived once at start-up, so that a guess costs an attacker
 * what it costs us at each start.
 */
final class KeyEncryptionKey {

	static final int PBKDF2_ITERATIONS = 600_000;

	private static final int KEY_BYTES = 32;

	private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}){32,}");

	private static final Pattern MIXED = Pattern.compile("^(?=.*[a-z])(?=.*[A-Z])");

	/**
	 * One secret per deployment, one key per secret: a fixed, application-specific salt is enough
	 * (a per-row salt would need one key derivation per row, which PBKDF2 makes slow).
	 */
	private static final byte[] SALT = "oauth-platform/signing-key-encryption".getBytes(StandardCharsets.UTF_8);

	private static final byte[] INFO = "AES-256-GCM v2".getBytes(StandardCharsets.UTF_8);

	private KeyEncryptionKey() {
	}

	static SecretKey derive(String secret) {
		byte[] random = decodedRandom(secret);
		byte[] key = (random != null) ? hkdf(SALT, random, INFO, KEY_BYTES) : pbkdf2(secret);
		return new SecretKeySpec(key, "AES");
	}

	static boolean isRandom(String secret) {
		return decodedRandom(secret) != null;
	}

	/**
	 * What a generator writes ({@code openssl rand -hex 32}, {@code -base64 32}, run.sh's base64url):
	 * hex, or base64 with upper and lower case mixed, as random output all but always is (all but
	 * 1 in 10^9). A long passphrase of lower-case words may also decode as base64: it is stretched.
	 */
	private static byte[] decodedRandom(String secret) {
		String trimmed = secret.trim();
		if (HEX.matcher(trimmed).matches()) {
			return HexFormat.of().parseHex(trimmed);
		}
		if (!MIXED.matcher(trimmed).find()) {
			return null;
		}
		try {
			byte[] decoded = Base64.getUrlDecoder().decode(trimmed.replace('+', '-').replace('/', '_'));
			return (decoded.length >= KEY_BYTES) ? decoded : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** RFC 5869: extract (HMAC of the input keyed by the salt), then expand to {@code length} bytes. */
	static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(salt, "HmacSHA256"));
			byte[] pseudoRandomKey = mac.doFinal(inputKey);
			mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
			byte[] output = new byte[length];
			byte[] block = new byte[0];
			for (int counter = 1, done = 0; done < length; counter++) {
				mac.update(block);
				mac.update(info);
				mac.update((byte) counter);
				block = mac.doFinal();
				System.arraycopy(block, 0, output, done, Math.min(block.length, length - done));
				done += block.length;
			}
			return output;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] pbkdf2(String passphrase) {
		PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), SALT, PBKDF2_ITERATIONS, KEY_BYTES * 8);
		try {
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			spec.clearPassword();
		}
	}

}

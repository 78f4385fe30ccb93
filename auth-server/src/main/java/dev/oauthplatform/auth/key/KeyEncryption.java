package dev.oauthplatform.auth.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.util.StringUtils;

/**
 * A signing key's private JWK at rest: AES-256-GCM under the key derived from
 * {@code AUTH_KEY_ENCRYPTION_SECRET} ({@link KeyEncryptionKey}), a random 96-bit nonce per
 * encryption, and the kid as associated data, so that a ciphertext copied onto another key's row
 * does not decrypt. Stored as {@code v2:} followed by base64url(nonce, ciphertext, tag).
 * <p>
 * Also reads what came before, so that {@link StoredKeyEncryption} can bring it up to date: rows
 * written without a secret (plain JSON), the unversioned hex of Spring's {@code Encryptors.delux}
 * (PBKDF2-SHA1 with 1024 iterations, the kid only as salt), and rows still under
 * {@code AUTH_KEY_ENCRYPTION_SECRET_PREVIOUS} during a rotation of the secret.
 */
public final class KeyEncryption {

	static final String VERSION = "v2:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final Secret current;

	private final Secret previous;

	private KeyEncryption(Secret current, Secret previous) {
		this.current = current;
		this.previous = previous;
	}

	/**
	 * @param secret the key encryption secret; empty: keys are stored unencrypted
	 * @param previous the secret being rotated out, read only; empty outside a rotation
	 */
	public static KeyEncryption of(String secret, String previous) {
		if (!StringUtils.hasText(secret) && StringUtils.hasText(previous)) {
			throw new IllegalStateException(
					"AUTH_KEY_ENCRYPTION_SECRET_PREVIOUS is set without AUTH_KEY_ENCRYPTION_SECRET: set the new secret too");
		}
		return new KeyEncryption(Secret.of(secret), Secret.of(previous));
	}

	boolean enabled() {
		return this.current != null;
	}

	/** True where the current secret is a passphrase (PBKDF2) rather than 256 random bits (HKDF). */
	boolean passphrase() {
		return enabled() && !KeyEncryptionKey.isRandom(this.current.value());
	}

	/** What to store for a private JWK: encrypted with the current secret, or as it is without one. */
	String seal(String kid, String jwk) {
		if (!enabled()) {
			return jwk;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.current.key(), nonce, kid);
			byte[] sealed = cipher.doFinal(jwk.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
			return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt signing key " + kid, ex);
		}
	}

	/** The private JWK of a row, and whether the row is stored as {@link #seal} would store it now. */
	Opened open(SigningKey key) {
		if (!key.isEncrypted()) {
			return new Opened(key.getJwk(), !enabled());
		}
		if (!enabled()) {
			throw new IllegalStateException(
					"Signing key " + key.getKid() + " is encrypted: set AUTH_KEY_ENCRYPTION_SECRET");
		}
		String jwk = open(key, this.current);
		if (jwk != null) {
			return new Opened(jwk, key.getJwk().startsWith(VERSION));
		}
		jwk = (this.previous != null) ? open(key, this.previous) : null;
		if (jwk != null) {
			return new Opened(jwk, false);
		}
		throw new IllegalStateException("Signing key " + key.getKid() + " does not decrypt with AUTH_KEY_ENCRYPTION_SECRET"
				+ ((this.previous != null) ? " nor with AUTH_KEY_ENCRYPTION_SECRET_PREVIOUS" : "")
				+ ": another secret encrypted it, or its row holds another key's ciphertext");
	}

	/** Null where this secret did not encrypt this row (the GCM tag does not match). */
	private static String open(SigningKey key, Secret secret) {
		String stored = key.getJwk();
		if (!stored.startsWith(VERSION)) {
			return openUnversioned(key, secret);
		}
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(stored.substring(VERSION.length()));
			if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
				return null;
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret.key(), Arrays.copyOf(bytes, NONCE_BYTES),
					key.getKid());
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException | IllegalArgumentException ex) {
			return null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt signing key " + key.getKid(), ex);
		}
	}

	/** The format before v2: only read, to be re-encrypted. */
	private static String openUnversioned(SigningKey key, Secret secret) {
		try {
			return Encryptors.delux(secret.value(), key.getKid()).decrypt(key.getJwk());
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String kid) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	record Opened(String jwk, boolean upToDate) {
	}

	/** The secret as configured (the unversioned format derives its own key from it) and its AES key. */
	private record Secret(String value, SecretKey key) {

		static Secret of(String value) {
			return StringUtils.hasText(value) ? new Secret(value, KeyEncryptionKey.derive(value)) : null;
		}

		@Override
		public String toString() {
			return "Secret[hidden]";
		}

	}

}

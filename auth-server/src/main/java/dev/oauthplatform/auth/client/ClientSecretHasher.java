package dev.oauthplatform.auth.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are 256-bit random values, so a slow hash adds nothing but latency (bcrypt caps
 * the token endpoint at ~12 requests/s per core). HMAC-SHA-256 keyed with a server pepper kept
 * outside the database: a stolen table alone gives nothing to brute-force.
 */
public final class ClientSecretHasher implements PasswordEncoder {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	public ClientSecretHasher(String pepper) {
		this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	@Override
	public String encode(CharSequence rawSecret) {
		byte[] digest = this.macs.get().doFinal(rawSecret.toString().getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	/**
	 * @param stored the current hash, or, while a rotated-out secret's grace lasts,
	 * {@link #storedForm what the client presents to the framework}: both hashes and the expiry
	 */
	@Override
	public boolean matches(CharSequence rawSecret, String stored) {
		if (rawSecret == null || stored == null) {
			return false;
		}
		String digest = encode(rawSecret);
		String[] parts = stored.split(" ");
		if (same(digest, parts[0])) {
			return true;
		}
		return parts.length == 3 && Instant.now().getEpochSecond() < Long.parseLong(parts[2]) && same(digest, parts[1]);
	}

	/**
	 * Of a secret that already matched: whether it was the current one rather than the previous
	 * one in its grace period. Outside a grace period there is only one, and nothing to hash again.
	 */
	boolean matchedCurrent(CharSequence rawSecret, String stored) {
		String[] parts = stored.split(" ");
		return parts.length == 1 || same(encode(rawSecret), parts[0]);
	}

	/**
	 * The framework compares a presented secret with one stored string: ours carries the previous
	 * hash and its expiry beside the current hash while a rotation's grace period lasts. Hashes are
	 * base64url, so a space cannot occur in them.
	 */
	static String storedForm(OAuthClient client) {
		Instant previousExpiry = client.getPreviousSecretExpiresAt();
		if (client.getClientSecretHash() == null || client.getPreviousSecretHash() == null || previousExpiry == null
				|| !previousExpiry.isAfter(Instant.now())) {
			return client.getClientSecretHash();
		}
		return client.getClientSecretHash() + " " + client.getPreviousSecretHash() + " "
				+ previousExpiry.getEpochSecond();
	}

	private static boolean same(String digest, String storedHash) {
		return MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

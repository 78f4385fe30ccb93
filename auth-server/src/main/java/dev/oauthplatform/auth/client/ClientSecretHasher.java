package dev.oauthplatform.auth.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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

	@Override
	public boolean matches(CharSequence rawSecret, String storedHash) {
		if (rawSecret == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(encode(rawSecret).getBytes(StandardCharsets.US_ASCII),
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

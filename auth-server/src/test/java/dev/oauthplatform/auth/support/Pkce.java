package dev.oauthplatform.auth.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** A PKCE verifier and its S256 challenge, as a client computes them (RFC 7636 §4.1-4.2). */
public record Pkce(String verifier, String challenge) {

	public static Pkce create() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

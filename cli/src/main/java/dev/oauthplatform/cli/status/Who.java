package dev.oauthplatform.cli.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import dev.oauthplatform.cli.store.StoredLogin;

/**
 * Whom a sign-in is for, read from the tokens' payloads for display only: nothing is decided on
 * it, so the signatures are not checked. A reference (opaque) token tells nothing: "?".
 */
public final class Who {

	private Who() {
	}

	/** The username claim when a token has one, else the subject; the ID token first. */
	public static String user(StoredLogin login) {
		Map<String, Object> id = payload(login.idToken());
		Map<String, Object> access = payload(login.accessToken());
		for (String claim : new String[] { "username", "preferred_username", "sub" }) {
			for (Map<String, Object> claims : java.util.List.of(id, access)) {
				if (claims.get(claim) instanceof String value && !value.isBlank()) {
					return value;
				}
			}
		}
		return "?";
	}

	static Map<String, Object> payload(String token) {
		if (token == null) {
			return Map.of();
		}
		String[] parts = token.split("\\.");
		if (parts.length != 3) {
			return Map.of();
		}
		try {
			return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		}
		catch (java.text.ParseException | IllegalArgumentException ex) {
			return Map.of();
		}
	}

}

package dev.oauthplatform.auth.support;

import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Reads a JWT's header or claims as a client would print them (no verification: that is the server's job). */
public final class Jwts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Jwts() {
	}

	public static Map<String, Object> header(String jwt) {
		return part(jwt, 0);
	}

	public static Map<String, Object> claims(String jwt) {
		return part(jwt, 1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> part(String jwt, int index) {
		return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), Map.class);
	}

}

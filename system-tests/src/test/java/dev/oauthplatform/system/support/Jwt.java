package dev.oauthplatform.system.support;

import java.util.Base64;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JWT's header and claims, as a client may for display; verification is the API's job. */
public final class Jwt {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Jwt() {
	}

	public static Map<String, Object> header(String jwt) {
		return part(jwt, 0);
	}

	public static Map<String, Object> claims(String jwt) {
		return part(jwt, 1);
	}

	private static Map<String, Object> part(String jwt, int index) {
		byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[index]);
		return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

}

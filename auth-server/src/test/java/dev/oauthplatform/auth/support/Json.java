package dev.oauthplatform.auth.support;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies for the admin API, written from maps so that a test shows only what it varies. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static String of(Map<String, ?> fields) {
		return MAPPER.writeValueAsString(fields);
	}

	/** {@code base} with {@code changes} applied; a null value removes the field. */
	public static Map<String, Object> with(Map<String, ?> base, Map<String, ?> changes) {
		Map<String, Object> result = new LinkedHashMap<>(base);
		changes.forEach((key, value) -> {
			if (value == null) {
				result.remove(key);
			}
			else {
				result.put(key, value);
			}
		});
		return result;
	}

}

package dev.oauthplatform.auth.token;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * Attributes and token metadata as JSON, with Spring Security's allow-listed type information,
 * as the framework's own JDBC store writes them.
 */
final class AuthorizationJson {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper mapper = JsonMapper.builder()
		.addModules(SecurityJacksonModules.getModules(AuthorizationJson.class.getClassLoader()))
		.addModule(PrincipalJson.module())
		.build();

	String write(Map<String, Object> values) {
		// a HashMap root carries the type id the reader expects, whatever map the framework handed us
		return this.mapper.writeValueAsString(new HashMap<>(values));
	}

	Map<String, Object> read(String json) {
		return (json == null || json.isEmpty()) ? Map.of() : this.mapper.readValue(json, MAP);
	}

}

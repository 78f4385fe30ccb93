package dev.oauthplatform.auth.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every secret value that crossed HTTP in this test run (passwords, client secrets, codes,
 * tokens), so that {@code LogScanTest} can prove none of them reached a log line.
 */
public final class SecretsSeen implements Filter {

	public static final SecretsSeen FILTER = new SecretsSeen();

	/** Shorter values (like the test admin's password "admin", also its username) are not distinctive. */
	private static final int MIN_LENGTH = 12;

	private static final Set<String> SENSITIVE_PARAMETERS = Set.of("password", "client_secret", "code",
			"code_verifier", "refresh_token", "token", "access_token");

	private static final Set<String> SENSITIVE_FIELDS = Set.of("access_token", "refresh_token", "id_token",
			"client_secret", "password");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> values = ConcurrentHashMap.newKeySet();

	private SecretsSeen() {
	}

	public static void add(String value) {
		if (value != null && value.length() >= MIN_LENGTH) {
			values.add(value);
		}
	}

	public static Set<String> values() {
		return Set.copyOf(values);
	}

	@Override
	public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
			FilterContext context) {
		recordRequest(request);
		Response answer = context.next(request, response);
		recordResponse(answer);
		return answer;
	}

	private static void recordRequest(FilterableRequestSpecification request) {
		recordParameters(request.getFormParams());
		recordParameters(request.getQueryParams());
		String authorization = request.getHeaders().getValue("Authorization");
		if (authorization != null && authorization.contains(" ")) {
			add(authorization.substring(authorization.indexOf(' ') + 1));
		}
		if (request.getBody() instanceof String body && body.startsWith("{")) {
			recordJson(body);
		}
	}

	private static void recordParameters(Map<String, ?> parameters) {
		parameters.forEach((name, value) -> {
			if (SENSITIVE_PARAMETERS.contains(name)) {
				add(String.valueOf(value));
			}
		});
	}

	private static void recordResponse(Response answer) {
		String location = answer.getHeader("Location");
		if (location != null && location.contains("code=")) {
			add(location.replaceAll(".*[?&]code=([^&]*).*", "$1"));
		}
		String contentType = answer.getContentType();
		if (contentType != null && contentType.contains("json")) {
			recordJson(answer.asString());
		}
	}

	private static void recordJson(String json) {
		try {
			collect(JSON.readTree(json));
		}
		catch (RuntimeException ex) {
			// not JSON after all: nothing to record
		}
	}

	private static void collect(JsonNode node) {
		node.properties().forEach((field) -> {
			if (SENSITIVE_FIELDS.contains(field.getKey()) && field.getValue().isString()) {
				add(field.getValue().asString());
			}
		});
		node.forEach((child) -> {
			if (child.isContainer()) {
				collect(child);
			}
		});
	}

}

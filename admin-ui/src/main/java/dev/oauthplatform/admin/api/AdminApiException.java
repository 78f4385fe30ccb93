package dev.oauthplatform.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A refusal of the admin API, as its {@code {error, error_description}} body says it, so a page
 * can show the description as a sentence instead of raw JSON.
 */
public final class AdminApiException extends RuntimeException {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int status;

	private final String error;

	public AdminApiException(int status, String error, String description) {
		super(description);
		this.status = status;
		this.error = error;
	}

	static void from(HttpRequest request, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		Map<?, ?> body = readBody(response.getBody());
		String error = text(body.get("error"), defaultError(status));
		String description = text(body.get("error_description"), defaultDescription(status));
		throw new AdminApiException(status, error, description);
	}

	public int status() {
		return this.status;
	}

	public String error() {
		return this.error;
	}

	/** Token missing, expired, revoked, or its user disabled: only a new sign-in helps. */
	public boolean isUnauthenticated() {
		return this.status == 401;
	}

	private static Map<?, ?> readBody(InputStream body) {
		try {
			String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			return text.isBlank() ? Map.of() : JSON.readValue(text, Map.class);
		}
		catch (IOException | JacksonException ex) {
			return Map.of();
		}
	}

	private static String text(Object value, String fallback) {
		return (value instanceof String s && !s.isBlank()) ? s : fallback;
	}

	// 401 and 403 come from the bearer token layer without a body (RFC 6750)
	private static String defaultError(int status) {
		return switch (status) {
			case 401 -> "invalid_token";
			case 403 -> "insufficient_scope";
			case 404 -> "not_found";
			default -> "server_error";
		};
	}

	private static String defaultDescription(int status) {
		return switch (status) {
			case 401 -> "Your sign-in is no longer accepted by the authorization server.";
			case 403 -> "Your account does not hold the ADMIN role, or the sign-in lacks the admin scope.";
			case 404 -> "It does not exist (any more).";
			default -> "The authorization server answered with status " + status + ".";
		};
	}

}

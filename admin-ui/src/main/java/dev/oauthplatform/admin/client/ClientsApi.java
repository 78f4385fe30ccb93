package dev.oauthplatform.admin.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The clients part of auth-server's admin API, typed. Refusals arrive as AdminApiException. */
@Component
class ClientsApi {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final RestClient api;

	ClientsApi(RestClient adminApiRestClient) {
		this.api = adminApiRestClient;
	}

	ClientPage list(String name, int page, int size) {
		return this.api.get()
			.uri((uri) -> uri.path("/admin/api/clients")
				.queryParam("name", name)
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(ClientPage.class);
	}

	ClientDetails get(String clientId) {
		return this.api.get().uri("/admin/api/clients/{id}", clientId).retrieve().body(ClientDetails.class);
	}

	ClientDetails register(Map<String, Object> metadata) {
		return this.api.post()
			.uri("/admin/api/clients")
			.contentType(MediaType.APPLICATION_JSON)
			.body(metadata)
			.retrieve()
			.body(ClientDetails.class);
	}

	/** auth-server's dry run of a registration: what it would refuse, in its own words. Stores nothing. */
	Validation validate(Map<String, Object> metadata) {
		return this.api.post()
			.uri("/admin/api/clients/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.body(metadata)
			.retrieve()
			.body(Validation.class);
	}

	/**
	 * PUT replaces the whole metadata (omitted fields fall back to defaults), so read the client
	 * as it is and change only the given fields.
	 */
	ClientDetails change(String clientId, Map<String, Object> changes) {
		Map<String, Object> current = this.api.get()
			.uri("/admin/api/clients/{id}", clientId)
			.retrieve()
			.body(JSON_OBJECT);
		Map<String, Object> metadata = new LinkedHashMap<>(current);
		metadata.putAll(changes);
		return this.api.put()
			.uri("/admin/api/clients/{id}", clientId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(metadata)
			.retrieve()
			.body(ClientDetails.class);
	}

	void delete(String clientId) {
		this.api.delete().uri("/admin/api/clients/{id}", clientId).retrieve().toBodilessEntity();
	}

	RotatedSecret rotateSecret(String clientId, int gracePeriodSeconds) {
		return this.api.post()
			.uri("/admin/api/clients/{id}/secret", clientId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("grace_period_seconds", gracePeriodSeconds))
			.retrieve()
			.body(RotatedSecret.class);
	}

	List<ClientAuthorization> authorizations(String clientId) {
		return this.api.get()
			.uri("/admin/api/clients/{id}/authorizations", clientId)
			.retrieve()
			.body(new ParameterizedTypeReference<List<ClientAuthorization>>() {
			});
	}

	void revokeAuthorization(String clientId, String authorizationId) {
		this.api.delete()
			.uri("/admin/api/clients/{id}/authorizations/{aid}", clientId, authorizationId)
			.retrieve()
			.toBodilessEntity();
	}

	record ClientAuthorization(String id, String username, String userId, String grantType, List<String> scopes,
			Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
	}

	record ClientPage(List<ClientDetails> items, int page, int size, long total) {
	}

	record Validation(boolean valid, List<Problem> problems) {

		Validation {
			problems = (problems != null) ? List.copyOf(problems) : List.of();
		}

	}

	/**
	 * One refusal: the field and the value (one URI) it is about, either null when it is about the
	 * registration as a whole.
	 */
	record Problem(String field, String value, String error, String errorDescription) {
	}

	/** Serializable: a flash attribute, as {@link ClientDetails} is. */
	record RotatedSecret(String clientId, String clientSecret, Instant previousSecretExpiresAt) implements Serializable {

		/** Never the secret: a record would print it wherever it is logged. */
		@Override
		public String toString() {
			return "RotatedSecret[clientId=" + this.clientId + ", secret redacted]";
		}

	}

}

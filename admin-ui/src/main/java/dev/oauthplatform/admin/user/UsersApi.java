package dev.oauthplatform.admin.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Users, their consents and authorizations, and login throttling, in auth-server's admin API. */
@Component
class UsersApi {

	private final RestClient api;

	UsersApi(RestClient adminApiRestClient) {
		this.api = adminApiRestClient;
	}

	UserPage list(String query, int page, int size) {
		return this.api.get()
			.uri((uri) -> uri.path("/admin/api/users")
				.queryParam("q", query)
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(UserPage.class);
	}

	User get(String id) {
		return this.api.get().uri("/admin/api/users/{id}", id).retrieve().body(User.class);
	}

	User create(Map<String, Object> user) {
		return this.api.post().uri("/admin/api/users").contentType(MediaType.APPLICATION_JSON).body(user).retrieve()
			.body(User.class);
	}

	User change(String id, Map<String, Object> changes) {
		return this.api.patch().uri("/admin/api/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.body(changes).retrieve().body(User.class);
	}

	void resetPassword(String id, String password) {
		this.api.post().uri("/admin/api/users/{id}/password", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", password)).retrieve().toBodilessEntity();
	}

	List<Consent> consents(String id) {
		return this.api.get().uri("/admin/api/users/{id}/consents", id).retrieve()
			.body(new ParameterizedTypeReference<List<Consent>>() {
			});
	}

	void revokeConsent(String id, String clientId) {
		this.api.delete().uri("/admin/api/users/{id}/consents/{clientId}", id, clientId).retrieve()
			.toBodilessEntity();
	}

	List<Authorization> authorizations(String id) {
		return this.api.get().uri("/admin/api/users/{id}/authorizations", id).retrieve()
			.body(new ParameterizedTypeReference<List<Authorization>>() {
			});
	}

	void revokeAuthorization(String id, String authorizationId) {
		this.api.delete().uri("/admin/api/users/{id}/authorizations/{aid}", id, authorizationId).retrieve()
			.toBodilessEntity();
	}

	List<Throttle> throttle(String username) {
		return this.api.get()
			.uri((uri) -> uri.path("/admin/api/login-throttle").queryParam("username", username).build())
			.retrieve()
			.body(new ParameterizedTypeReference<List<Throttle>>() {
			});
	}

	/** Every counter of the username, its own and at each address: unlocked from everywhere. */
	void unlock(String username) {
		this.api.delete()
			.uri((uri) -> uri.path("/admin/api/login-throttle").queryParam("username", "{name}").build(username))
			.retrieve()
			.toBodilessEntity();
	}

	record User(String id, String username, String email, List<String> roles, boolean enabled, Instant createdAt) {
	}

	record UserPage(List<User> items, int page, int size, long total) {
	}

	record Consent(String clientId, String clientName, List<String> scopes, Instant grantedAt) {
	}

	record Authorization(String id, String clientId, String clientName, String grantType, List<String> scopes,
			Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
	}

	record Throttle(String key, int failures, Instant lastFailureAt, Instant blockedUntil) {
	}

}

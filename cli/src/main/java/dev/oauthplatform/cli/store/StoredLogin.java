package dev.oauthplatform.cli.store;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sign-in: a user's tokens from one issuer for one client, and the endpoints to refresh and
 * revoke them without a discovery request. Never the password. Optional fields are null.
 */
public record StoredLogin(String issuer, String clientId, URI tokenEndpoint, URI revocationEndpoint,
		String accessToken, Instant expiresAt, String refreshToken, String scope, String idToken) {

	/** The same sign-in with the tokens of a refresh: what the answer left out is kept. */
	public StoredLogin refreshed(String accessToken, Instant expiresAt, String refreshToken, String scope,
			String idToken) {
		return new StoredLogin(this.issuer, this.clientId, this.tokenEndpoint, this.revocationEndpoint, accessToken,
				expiresAt, (refreshToken != null) ? refreshToken : this.refreshToken,
				(scope != null) ? scope : this.scope, (idToken != null) ? idToken : this.idToken);
	}

	/** The same sign-in expiring at {@code expiresAt}. */
	public StoredLogin withExpiry(Instant expiresAt) {
		return new StoredLogin(this.issuer, this.clientId, this.tokenEndpoint, this.revocationEndpoint,
				this.accessToken, expiresAt, this.refreshToken, this.scope, this.idToken);
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("issuer", this.issuer);
		json.put("client_id", this.clientId);
		json.put("token_endpoint", string(this.tokenEndpoint));
		json.put("revocation_endpoint", string(this.revocationEndpoint));
		json.put("access_token", this.accessToken);
		json.put("expires_at", (this.expiresAt != null) ? this.expiresAt.getEpochSecond() : null);
		json.put("refresh_token", this.refreshToken);
		json.put("scope", this.scope);
		json.put("id_token", this.idToken);
		json.values().removeIf((value) -> value == null);
		return json;
	}

	static StoredLogin fromJson(Map<String, Object> json) {
		Object expiresAt = json.get("expires_at");
		return new StoredLogin((String) json.get("issuer"), (String) json.get("client_id"),
				uri(json.get("token_endpoint")), uri(json.get("revocation_endpoint")), (String) json.get("access_token"),
				(expiresAt != null) ? Instant.ofEpochSecond(((Number) expiresAt).longValue()) : null,
				(String) json.get("refresh_token"), (String) json.get("scope"), (String) json.get("id_token"));
	}

	private static String string(URI uri) {
		return (uri != null) ? uri.toString() : null;
	}

	private static URI uri(Object value) {
		return (value != null) ? URI.create((String) value) : null;
	}

}

package dev.oauthplatform.admin.client;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import dev.oauthplatform.admin.posture.ClientSettings;

/**
 * A client as the admin API answers it (RFC 7591 fields plus ours; JSON in snake_case).
 * {@code clientSecret} is present only in the answer to a registration. Serializable: the new
 * client travels to the page that shows its secret once as a flash attribute, in the session,
 * which lives in the database (deleted when that page is shown).
 */
public record ClientDetails(String clientId, String clientSecret, Long clientIdIssuedAt, String clientName,
		String clientType, List<String> redirectUris, List<String> grantTypes, String tokenEndpointAuthMethod,
		String scope, boolean firstParty, boolean requirePkce, String accessTokenFormat, Integer accessTokenTtl,
		Integer refreshTokenTtl, boolean enabled, Instant updatedAt, Instant clientSecretLastUsedAt,
		Instant previousSecretExpiresAt, Instant previousSecretLastUsedAt, List<String> postLogoutRedirectUris,
		Boolean resourceServer, List<String> audiences, List<String> allowedCorsOrigins) implements ClientSettings, Serializable {

	public ClientDetails {
		allowedCorsOrigins = (allowedCorsOrigins != null) ? List.copyOf(allowedCorsOrigins) : List.of();
		redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
		postLogoutRedirectUris = (postLogoutRedirectUris != null) ? List.copyOf(postLogoutRedirectUris) : List.of();
		grantTypes = (grantTypes != null) ? List.copyOf(grantTypes) : List.of();
		scope = (scope != null) ? scope : "";
		// absent from an older auth-server's answer
		resourceServer = Boolean.TRUE.equals(resourceServer);
		audiences = (audiences != null) ? List.copyOf(audiences) : List.of();
	}

	/** Never the secret: a record would print it wherever it is logged. */
	@Override
	public String toString() {
		return "ClientDetails[clientId=" + this.clientId + ", clientType=" + this.clientType + ", secret redacted]";
	}

	/** Without the settings added later (resource server, audiences, CORS origins). */
	public ClientDetails(String clientId, String clientSecret, Long clientIdIssuedAt, String clientName,
			String clientType, List<String> redirectUris, List<String> grantTypes, String tokenEndpointAuthMethod,
			String scope, boolean firstParty, boolean requirePkce, String accessTokenFormat, Integer accessTokenTtl,
			Integer refreshTokenTtl, boolean enabled, Instant updatedAt, Instant clientSecretLastUsedAt,
			Instant previousSecretExpiresAt, Instant previousSecretLastUsedAt, List<String> postLogoutRedirectUris) {
		this(clientId, clientSecret, clientIdIssuedAt, clientName, clientType, redirectUris, grantTypes,
				tokenEndpointAuthMethod, scope, firstParty, requirePkce, accessTokenFormat, accessTokenTtl,
				refreshTokenTtl, enabled, updatedAt, clientSecretLastUsedAt, previousSecretExpiresAt,
				previousSecretLastUsedAt, postLogoutRedirectUris, null, null, null);
	}

	public ClientType type() {
		return ClientType.of(this.clientType);
	}

	/** No secret: spa, native, and a cli registered with {@code none}. */
	@Override
	public boolean isPublic() {
		return "none".equals(this.tokenEndpointAuthMethod);
	}

	@Override
	public boolean isNative() {
		return ClientType.NATIVE.id().equalsIgnoreCase(this.clientType);
	}

	@Override
	public boolean hasGrant(String grantType) {
		return this.grantTypes.contains(grantType);
	}

	/**
	 * The grants as pages list them: as registered, but the device grant by its short name rather
	 * than its URN (RFC 8628 §3.4).
	 */
	public List<String> grantNames() {
		return this.grantTypes.stream()
			.map((grant) -> ClientSettings.DEVICE_CODE_GRANT.equals(grant) ? "device_code (RFC 8628)" : grant)
			.toList();
	}

	public Instant issuedAt() {
		return (this.clientIdIssuedAt != null) ? Instant.ofEpochSecond(this.clientIdIssuedAt) : null;
	}

}

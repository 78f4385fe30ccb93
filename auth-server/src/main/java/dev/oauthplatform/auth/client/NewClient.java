package dev.oauthplatform.auth.client;

import java.util.Set;

/**
 * What an admin asks for when registering or updating a client. Null fields take the type's
 * defaults.
 *
 * @param clientId an admin-chosen id, or null for a generated one
 * @param authMethod {@code none}, {@code client_secret_basic} or {@code client_secret_post}
 * @param grantTypes the grants, or null for all the type allows
 * @param responseTypes RFC 7591 response types, or null to derive them from the grants
 */
public record NewClient(String clientId, String clientName, ClientType clientType, Set<String> redirectUris,
		Set<String> scopes, boolean firstParty, Boolean requirePkce, String authMethod, Set<String> grantTypes,
		Set<String> responseTypes, String accessTokenFormat, Long accessTokenTtlSeconds,
		Long refreshTokenTtlSeconds) {

	public static NewClient of(String clientId, String name, ClientType type, Set<String> redirectUris,
			Set<String> scopes, boolean firstParty) {
		return new NewClient(clientId, name, type, redirectUris, scopes, firstParty, null, null, null, null, null,
				null, null);
	}

	public NewClient withAuthMethod(String method) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, this.requirePkce, method, this.grantTypes, this.responseTypes,
				this.accessTokenFormat, this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds);
	}

	public NewClient withRequirePkce(boolean require) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, require, this.authMethod, this.grantTypes, this.responseTypes,
				this.accessTokenFormat, this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds);
	}

	public NewClient withAccessTokenFormat(String format) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, this.requirePkce, this.authMethod, this.grantTypes, this.responseTypes, format,
				this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds);
	}

}

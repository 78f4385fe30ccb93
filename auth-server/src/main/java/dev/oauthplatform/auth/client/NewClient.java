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
 * @param resourceServer may introspect other clients' tokens (RFC 7662 §4)
 * @param audiences RFC 8707 resources its tokens may name, or null for the default audience only
 */
public record NewClient(String clientId, String clientName, ClientType clientType, Set<String> redirectUris,
		Set<String> scopes, boolean firstParty, Boolean requirePkce, String authMethod, Set<String> grantTypes,
		Set<String> responseTypes, String accessTokenFormat, Long accessTokenTtlSeconds,
		Long refreshTokenTtlSeconds, boolean resourceServer, Set<String> audiences) {

	public static NewClient of(String clientId, String name, ClientType type, Set<String> redirectUris,
			Set<String> scopes, boolean firstParty) {
		return new NewClient(clientId, name, type, redirectUris, scopes, firstParty, null, null, null, null, null,
				null, null, false, null);
	}

	public NewClient withAuthMethod(String method) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, this.requirePkce, method, this.grantTypes, this.responseTypes,
				this.accessTokenFormat, this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds,
				this.resourceServer, this.audiences);
	}

	public NewClient withRequirePkce(boolean require) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, require, this.authMethod, this.grantTypes, this.responseTypes,
				this.accessTokenFormat, this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds,
				this.resourceServer, this.audiences);
	}

	public NewClient withAccessTokenFormat(String format) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, this.requirePkce, this.authMethod, this.grantTypes, this.responseTypes, format,
				this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds, this.resourceServer, this.audiences);
	}

	public NewClient withGrantTypes(Set<String> grants) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, this.requirePkce, this.authMethod, grants, this.responseTypes,
				this.accessTokenFormat, this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds, this.resourceServer,
				this.audiences);
	}

	/** An API's own client: it introspects the tokens presented to the API, whoever they were issued to. */
	public NewClient asResourceServer() {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, this.requirePkce, this.authMethod, this.grantTypes, this.responseTypes,
				this.accessTokenFormat, this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds, true, this.audiences);
	}

	public NewClient withAudiences(Set<String> audiences) {
		return new NewClient(this.clientId, this.clientName, this.clientType, this.redirectUris, this.scopes,
				this.firstParty, this.requirePkce, this.authMethod, this.grantTypes, this.responseTypes,
				this.accessTokenFormat, this.accessTokenTtlSeconds, this.refreshTokenTtlSeconds, this.resourceServer,
				audiences);
	}

}

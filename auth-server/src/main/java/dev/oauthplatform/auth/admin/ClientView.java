package dev.oauthplatform.auth.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import dev.oauthplatform.auth.client.OAuthClient;

/**
 * A client as RFC 7591 §3.2.1 describes it, plus ours. {@code client_secret} is present only in
 * the answer to a registration: it is stored hashed and cannot be shown again.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClientView(String clientId, String clientSecret, long clientIdIssuedAt, Long clientSecretExpiresAt,
		String clientName, String clientType, List<String> redirectUris, List<String> postLogoutRedirectUris,
		List<String> allowedCorsOrigins, List<String> grantTypes,
		List<String> responseTypes, String tokenEndpointAuthMethod, String scope, boolean firstParty,
		boolean requirePkce, String accessTokenFormat, long accessTokenTtl, long refreshTokenTtl, boolean enabled,
		Instant updatedAt, Instant clientSecretLastUsedAt, Instant previousSecretExpiresAt,
		Instant previousSecretLastUsedAt, boolean resourceServer, List<String> audiences) {

	static ClientView of(OAuthClient client) {
		return of(client, null);
	}

	static ClientView of(OAuthClient client, String secret) {
		boolean confidential = !client.isPublic();
		Instant previousExpiry = client.getPreviousSecretExpiresAt();
		boolean inGrace = previousExpiry != null && previousExpiry.isAfter(Instant.now());
		return new ClientView(client.getClientId(), secret, client.getClientIdIssuedAt().getEpochSecond(),
				confidential ? 0L : null, client.getClientName(), client.getClientType().value(),
				List.copyOf(client.getRedirectUris()), List.copyOf(client.getPostLogoutRedirectUris()),
				List.copyOf(client.getAllowedCorsOrigins()), List.copyOf(client.getGrantTypes()),
				responseTypes(client.getGrantTypes()), client.getAuthMethods().iterator().next(),
				String.join(" ", client.getScopes()), client.isFirstParty(), client.isRequirePkce(),
				client.getAccessTokenFormat(), client.getAccessTokenTtlSeconds(), client.getRefreshTokenTtlSeconds(),
				client.isEnabled(), client.getUpdatedAt(), confidential ? client.getSecretLastUsedAt() : null,
				inGrace ? previousExpiry : null, inGrace ? client.getPreviousSecretLastUsedAt() : null,
				client.isResourceServer(), List.copyOf(client.getAudiences()));
	}

	private static List<String> responseTypes(Set<String> grants) {
		return grants.contains("authorization_code") ? List.of("code") : List.of();
	}

}

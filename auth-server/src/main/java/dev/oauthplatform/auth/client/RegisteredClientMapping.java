package dev.oauthplatform.auth.client;

import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import dev.oauthplatform.auth.token.IntrospectionAccess;
import dev.oauthplatform.auth.token.TokenAudiences;

/**
 * How one of our clients looks to the framework: its stored metadata, plus what every client
 * gets alike (consent unless first party, refresh tokens that rotate, RS256 ID tokens, the
 * server's authorization code lifetime).
 */
final class RegisteredClientMapping {

	private final Duration codeTtl;

	RegisteredClientMapping(Duration codeTtl) {
		this.codeTtl = codeTtl;
	}

	RegisteredClient toRegisteredClient(OAuthClient client) {
		return RegisteredClient.withId(client.getId())
			.clientId(client.getClientId())
			.clientName(client.getClientName())
			.clientIdIssuedAt(client.getClientIdIssuedAt())
			.clientSecret(ClientSecretHasher.storedForm(client))
			.clientSecretExpiresAt(client.getClientSecretExpiresAt())
			.clientAuthenticationMethods((methods) -> client.getAuthMethods()
				.forEach((method) -> methods.add(new ClientAuthenticationMethod(method))))
			.authorizationGrantTypes((grants) -> client.getGrantTypes()
				.forEach((grant) -> grants.add(new AuthorizationGrantType(grant))))
			.redirectUris((uris) -> uris.addAll(client.getRedirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(client.getPostLogoutRedirectUris()))
			.scopes((scopes) -> scopes.addAll(client.getScopes()))
			.clientSettings(clientSettings(client))
			.tokenSettings(tokenSettings(client))
			.build();
	}

	private static ClientSettings clientSettings(OAuthClient client) {
		return ClientSettings.builder()
			.requireProofKey(client.isRequirePkce())
			.requireAuthorizationConsent(!client.isFirstParty())
			.setting(JpaRegisteredClientRepository.CLIENT_TYPE_SETTING, client.getClientType())
			.setting(IntrospectionAccess.RESOURCE_SERVER_SETTING, client.isResourceServer())
			.setting(TokenAudiences.SETTING, List.copyOf(client.getAudiences()))
			.build();
	}

	private TokenSettings tokenSettings(OAuthClient client) {
		OAuth2TokenFormat format = "reference".equals(client.getAccessTokenFormat()) ? OAuth2TokenFormat.REFERENCE
				: OAuth2TokenFormat.SELF_CONTAINED;
		return TokenSettings.builder()
			.accessTokenFormat(format)
			.accessTokenTimeToLive(Duration.ofSeconds(client.getAccessTokenTtlSeconds()))
			.refreshTokenTimeToLive(Duration.ofSeconds(client.getRefreshTokenTtlSeconds()))
			.authorizationCodeTimeToLive(this.codeTtl)
			.reuseRefreshTokens(false)
			.idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
	}

}

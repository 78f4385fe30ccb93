package dev.oauthplatform.auth.token;

import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.key.SigningKeys;

/**
 * Client credentials JWTs are not written to the database: issuing one stays free of writes, as
 * at every peer. Introspection and revocation still work: such a token is recognised by its
 * signature, its expiry, its client (still registered, enabled and allowed client_credentials)
 * and a deny list of revoked {@code jti}s that lives only as long as the tokens it names.
 */
@Component
class StatelessAccessTokens {

	/** Marks an authorization rebuilt from a JWT rather than read from a row. */
	static final String STATELESS_ATTRIBUTE = StatelessAccessTokens.class.getName();

	private final VerifiedAccessTokens verified;

	private final RegisteredClientRepository clients;

	private final RevokedTokenIds revoked;

	/** The decoder the server accepts bearer tokens with: our access tokens only ({@link AccessTokenJwts}). */
	StatelessAccessTokens(JwtDecoder decoder, SigningKeys keys, AuthorizationServerSettings settings,
			TokenProperties properties, RegisteredClientRepository clients, RevokedTokenIds revoked) {
		this.verified = new VerifiedAccessTokens(decoder, keys, AccessTokenJwts.validator(settings.getIssuer()),
				properties.verifiedTokenCacheSize(), properties.accessTokenTtl());
		this.clients = clients;
		this.revoked = revoked;
	}

	/** A self-contained client_credentials token with nothing else in its authorization. */
	static boolean isStateless(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
				&& accessToken != null && accessToken.getClaims() != null && authorization.getRefreshToken() == null
				&& isJwt(accessToken.getToken().getTokenValue());
	}

	/** Revocation of a stateless token: its jti joins the deny list until the token expires. */
	void revoke(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
		Object jti = accessToken.getClaims().get("jti");
		if (accessToken.isInvalidated() && jti != null) {
			this.revoked.revoke(jti.toString(), accessToken.getToken().getExpiresAt());
		}
	}

	/** The authorization a valid, unrevoked client_credentials JWT stands for; null for anything else. */
	OAuth2Authorization find(String token) {
		if (!isJwt(token)) {
			return null;
		}
		Jwt jwt;
		try {
			jwt = this.verified.decode(token);
		}
		catch (JwtException ex) {
			return null;
		}
		String clientId = jwt.getClaimAsString("client_id");
		RegisteredClient client = (clientId != null) ? this.clients.findByClientId(clientId) : null;
		if (client == null || !clientId.equals(jwt.getSubject()) || jwt.getId() == null
				|| !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
				|| issuedBeforeRegistration(jwt, client)
				|| this.revoked.isRevoked(jwt.getId())) {
			return null;
		}
		Set<String> scopes = scopes(jwt);
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token,
				jwt.getIssuedAt(), jwt.getExpiresAt(), scopes);
		return OAuth2Authorization.withRegisteredClient(client)
			.id(jwt.getId())
			.principalName(clientId)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizedScopes(scopes)
			.token(accessToken, (metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, jwt.getClaims()))
			.attribute(STATELESS_ATTRIBUTE, true)
			.build();
	}

	/**
	 * A client deleted and registered again under the same client_id is a new client: tokens of
	 * the earlier registration stay dead. {@code iat} has whole seconds, hence the truncation.
	 */
	private static boolean issuedBeforeRegistration(Jwt jwt, RegisteredClient client) {
		Instant registered = client.getClientIdIssuedAt();
		return registered != null
				&& (jwt.getIssuedAt() == null || jwt.getIssuedAt().isBefore(registered.truncatedTo(ChronoUnit.SECONDS)));
	}

	int purgeExpired(Instant now) {
		return this.revoked.purgeExpired(now);
	}

	private static Set<String> scopes(Jwt jwt) {
		String scope = jwt.getClaimAsString("scope");
		return (scope == null || scope.isBlank()) ? Set.of()
				: new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
	}

	/**
	 * Whether this is shaped as a client_credentials JWT, before its signature is checked: its
	 * subject is its client and it names no user ({@link TokenClaims} gives every user's token a
	 * {@code preferred_username}). Nothing is trusted from it: {@link #find} verifies. A token
	 * verified before answers from memory, without parsing.
	 */
	boolean looksStateless(String token) {
		if (!isJwt(token)) {
			return false;
		}
		Map<String, Object> known = this.verified.claimsSeenBefore(token);
		if (known != null) {
			return isClientsOwn(known);
		}
		try {
			return isClientsOwn(JWTParser.parse(token).getJWTClaimsSet().getClaims());
		}
		catch (ParseException ex) {
			return false;
		}
	}

	private static boolean isClientsOwn(Map<String, Object> claims) {
		Object subject = claims.get("sub");
		return subject != null && subject.equals(claims.get("client_id")) && claims.get("preferred_username") == null;
	}

	static boolean isJwt(String token) {
		return token.chars().filter((c) -> c == '.').count() == 2;
	}

}

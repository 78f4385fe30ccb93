package dev.oauthplatform.auth.token;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Our rows back into the framework's {@link OAuth2Authorization}, marked with what the save that
 * follows needs to write only what changed ({@link AuthorizationRows}).
 */
final class AuthorizationRowMapper {

	/** Carries the row version from a read to the save that follows it (optimistic locking). */
	static final String VERSION_ATTRIBUTE = AuthorizationRowMapper.class.getName() + ".version";

	/**
	 * Carries what the read found of each token (hash to kind, expiry and metadata) to the save
	 * that follows it, which then writes only what changed without reading the row again.
	 */
	static final String KNOWN_TOKENS_ATTRIBUTE = AuthorizationRowMapper.class.getName() + ".tokens";

	private final AuthorizationJson json = new AuthorizationJson();

	/** The record with {@code tokens}, its tokens or those of them the caller read. */
	OAuth2Authorization toAuthorization(AuthorizationRecord record, Collection<IssuedToken> tokens,
			RegisteredClient client, String knownHash, String knownValue) {
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(record.id)
			.principalName(record.principalName)
			.authorizationGrantType(new AuthorizationGrantType(record.grantType))
			.authorizedScopes(split(record.authorizedScopes))
			.attributes((attributes) -> attributes.putAll(this.json.read(record.attributes)))
			.attribute(VERSION_ATTRIBUTE, record.version);
		Map<String, String> known = new HashMap<>();
		for (IssuedToken token : tokens) {
			String value = token.tokenHash.equals(knownHash) ? knownValue : TokenHashes.placeholder(token.tokenHash);
			addToken(builder, token, value);
			if (token.kind != TokenKind.ROTATED_REFRESH) {
				known.put(token.tokenHash, fingerprint(token));
			}
		}
		builder.attribute(KNOWN_TOKENS_ATTRIBUTE, known);
		return builder.build();
	}

	/** What a save compares with the token it would write to tell whether the row changed. */
	static String fingerprint(IssuedToken token) {
		return token.kind + "|" + token.expiresAt + "|" + token.metadata;
	}

	private void addToken(OAuth2Authorization.Builder builder, IssuedToken token, String value) {
		Map<String, Object> metadata = this.json.read(token.metadata);
		switch (token.kind) {
			case STATE -> builder.attribute(OAuth2ParameterNames.STATE, value);
			case CODE -> builder.token(new OAuth2AuthorizationCode(value, token.issuedAt, token.expiresAt),
					(m) -> m.putAll(metadata));
			case ACCESS -> builder.token(new OAuth2AccessToken(accessTokenType(token.accessTokenType), value,
					token.issuedAt, token.expiresAt, split(token.scopes)), (m) -> m.putAll(metadata));
			case REFRESH -> builder.token(new OAuth2RefreshToken(value, token.issuedAt, token.expiresAt),
					(m) -> m.putAll(metadata));
			case ID -> builder.token(new OidcIdToken(value, token.issuedAt, token.expiresAt, claims(metadata)),
					(m) -> m.putAll(metadata));
			case DEVICE_CODE -> builder.token(new OAuth2DeviceCode(value, token.issuedAt, token.expiresAt),
					(m) -> m.putAll(metadata));
			case USER_CODE -> builder.token(new OAuth2UserCode(value, token.issuedAt, token.expiresAt),
					(m) -> m.putAll(metadata));
			case ROTATED_REFRESH -> {
				// history only: never handed back to the framework
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> claims(Map<String, Object> metadata) {
		Object claims = metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
		return (claims instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static OAuth2AccessToken.TokenType accessTokenType(String value) {
		return OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value) ? OAuth2AccessToken.TokenType.DPOP
				: OAuth2AccessToken.TokenType.BEARER;
	}

	private static Set<String> split(String values) {
		return (values == null || values.isBlank()) ? Set.of()
				: new LinkedHashSet<>(Arrays.asList(values.trim().split("\\s+")));
	}

}

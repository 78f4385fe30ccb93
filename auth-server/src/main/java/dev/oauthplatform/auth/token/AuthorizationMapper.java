package dev.oauthplatform.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Maps the framework's {@link OAuth2Authorization} to our rows and back, hashing every value. */
final class AuthorizationMapper {

	/** Carries the row version from a read to the save that follows it (optimistic locking). */
	static final String VERSION_ATTRIBUTE = AuthorizationMapper.class.getName() + ".version";

	/**
	 * Carries what the read found of each token (hash to kind, expiry and metadata) to the save
	 * that follows it, which then writes only what changed without reading the row again.
	 */
	static final String KNOWN_TOKENS_ATTRIBUTE = AuthorizationMapper.class.getName() + ".tokens";

	/** A pending consent's state lives no longer than a user deciding. */
	private static final Duration STATE_TTL = Duration.ofMinutes(10);

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

	/** Copies the authorization into the record; a refresh token that disappeared was rotated. */
	void copy(OAuth2Authorization authorization, AuthorizationRecord record, Instant now) {
		record.registeredClientId = authorization.getRegisteredClientId();
		record.principalName = authorization.getPrincipalName();
		record.grantType = authorization.getAuthorizationGrantType().getValue();
		record.authorizedScopes = String.join(" ", authorization.getAuthorizedScopes());
		record.attributes = this.json.write(storableAttributes(authorization));
		record.updatedAt = now;
		if (record.createdAt == null) {
			record.createdAt = now;
		}
		Map<String, IssuedToken> wanted = wantedTokens(authorization, now);
		record.tokens.removeIf((existing) -> existing.kind != TokenKind.REFRESH
				&& existing.kind != TokenKind.ROTATED_REFRESH && !wanted.containsKey(existing.tokenHash));
		for (IssuedToken existing : record.tokens) {
			if (existing.kind == TokenKind.REFRESH && !wanted.containsKey(existing.tokenHash)) {
				existing.kind = TokenKind.ROTATED_REFRESH;
			}
		}
		wanted.values().forEach((token) -> merge(record, token));
		record.expiresAt = record.tokens.stream()
			.map((token) -> token.expiresAt)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(now.plus(STATE_TTL));
	}

	/**
	 * What saving the authorization changes in rows read as {@code known}: tokens added, tokens
	 * whose kind, expiry or metadata changed, tokens gone and refresh tokens rotated out.
	 */
	Changes changes(OAuth2Authorization authorization, Map<String, String> known, Instant now) {
		Map<String, IssuedToken> wanted = wantedTokens(authorization, now);
		Changes changes = new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
				String.join(" ", authorization.getAuthorizedScopes()), this.json.write(storableAttributes(authorization)),
				wanted.values()
					.stream()
					.map((token) -> token.expiresAt)
					.filter(Objects::nonNull)
					.max(Instant::compareTo)
					.orElse(now.plus(STATE_TTL)));
		known.forEach((hash, fingerprint) -> {
			if (!wanted.containsKey(hash)) {
				(fingerprint.startsWith(TokenKind.REFRESH.name() + "|") ? changes.rotated : changes.removed).add(hash);
			}
		});
		for (IssuedToken token : wanted.values()) {
			String before = known.get(token.tokenHash);
			if (before == null) {
				changes.added.add(token);
			}
			else if (!before.equals(fingerprint(token))) {
				changes.changed.add(token);
			}
		}
		return changes;
	}

	/**
	 * The hash of a token this save writes for the first time (a new refresh, access or id
	 * token, a new code), or null: a value read from the database is a placeholder, and the one
	 * the caller presented is among the {@code stored} hashes.
	 */
	String newTokenHash(OAuth2Authorization authorization, Set<String> stored) {
		return Stream.of(authorization.getRefreshToken(), authorization.getAccessToken(),
				authorization.getToken(OidcIdToken.class), authorization.getToken(OAuth2AuthorizationCode.class))
			.filter(Objects::nonNull)
			.map((token) -> token.getToken().getTokenValue())
			.filter((value) -> !TokenHashes.isPlaceholder(value))
			.map(TokenHashes::storedHash)
			.filter((hash) -> !stored.contains(hash))
			.findFirst()
			.orElse(null);
	}

	record Changes(List<IssuedToken> added, List<IssuedToken> changed, List<String> removed, List<String> rotated,
			String authorizedScopes, String attributes, Instant expiresAt) {
	}

	private static String fingerprint(IssuedToken token) {
		return token.kind + "|" + token.expiresAt + "|" + token.metadata;
	}

	private static void merge(AuthorizationRecord record, IssuedToken wanted) {
		IssuedToken existing = record.tokens.stream()
			.filter((token) -> token.tokenHash.equals(wanted.tokenHash))
			.findFirst()
			.orElse(null);
		if (existing == null) {
			wanted.authorization = record;
			record.tokens.add(wanted);
			return;
		}
		existing.kind = wanted.kind;
		existing.metadata = wanted.metadata;
		existing.expiresAt = wanted.expiresAt;
	}

	private Map<String, IssuedToken> wantedTokens(OAuth2Authorization authorization, Instant now) {
		Map<String, IssuedToken> tokens = new LinkedHashMap<>();
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			IssuedToken token = newToken(TokenHashes.storedHash(state), TokenKind.STATE, now, now.plus(STATE_TTL), Map.of());
			tokens.put(token.tokenHash, token);
		}
		put(tokens, authorization.getToken(OAuth2AuthorizationCode.class), TokenKind.CODE);
		put(tokens, authorization.getAccessToken(), TokenKind.ACCESS);
		put(tokens, authorization.getRefreshToken(), TokenKind.REFRESH);
		put(tokens, authorization.getToken(OidcIdToken.class), TokenKind.ID);
		put(tokens, authorization.getToken(OAuth2DeviceCode.class), TokenKind.DEVICE_CODE);
		put(tokens, authorization.getToken(OAuth2UserCode.class), TokenKind.USER_CODE);
		return tokens;
	}

	private void put(Map<String, IssuedToken> tokens, OAuth2Authorization.Token<? extends OAuth2Token> token,
			TokenKind kind) {
		if (token == null) {
			return;
		}
		OAuth2Token value = token.getToken();
		IssuedToken issued = newToken(TokenHashes.storedHash(value.getTokenValue()), kind, value.getIssuedAt(),
				value.getExpiresAt(), token.getMetadata());
		if (value instanceof OAuth2AccessToken accessToken) {
			issued.accessTokenType = accessToken.getTokenType().getValue();
			issued.scopes = String.join(" ", accessToken.getScopes());
		}
		tokens.put(issued.tokenHash, issued);
	}

	private IssuedToken newToken(String hash, TokenKind kind, Instant issuedAt, Instant expiresAt,
			Map<String, Object> metadata) {
		IssuedToken token = new IssuedToken();
		token.tokenHash = hash;
		token.kind = kind;
		token.issuedAt = issuedAt;
		token.expiresAt = expiresAt;
		token.metadata = this.json.write(metadata);
		return token;
	}

	private static Map<String, Object> storableAttributes(OAuth2Authorization authorization) {
		Map<String, Object> attributes = new HashMap<>(authorization.getAttributes());
		attributes.remove(OAuth2ParameterNames.STATE);
		attributes.remove(VERSION_ATTRIBUTE);
		attributes.remove(KNOWN_TOKENS_ATTRIBUTE);
		return attributes;
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

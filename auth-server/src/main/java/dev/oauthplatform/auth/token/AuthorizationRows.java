package dev.oauthplatform.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * The framework's {@link OAuth2Authorization} as our rows, every value hashed: copied whole into
 * a record, or, for one read before, only the changes since that read.
 */
final class AuthorizationRows {

	/** A pending consent's state lives no longer than a user deciding. */
	private static final Duration STATE_TTL = Duration.ofMinutes(10);

	private final AuthorizationJson json = new AuthorizationJson();

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
			else if (!before.equals(AuthorizationRowMapper.fingerprint(token))) {
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

	/** Not stored: the state has a row of its own, and what a read marked holds only until its save. */
	private static Map<String, Object> storableAttributes(OAuth2Authorization authorization) {
		Map<String, Object> attributes = new HashMap<>(authorization.getAttributes());
		attributes.remove(OAuth2ParameterNames.STATE);
		attributes.remove(AuthorizationRowMapper.VERSION_ATTRIBUTE);
		attributes.remove(AuthorizationRowMapper.KNOWN_TOKENS_ATTRIBUTE);
		return attributes;
	}

}

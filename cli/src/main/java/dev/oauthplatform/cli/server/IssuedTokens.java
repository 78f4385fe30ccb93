package dev.oauthplatform.cli.server;

import java.time.Instant;

/** A token endpoint's successful answer; fields it left out are null. */
public record IssuedTokens(String accessToken, Instant expiresAt, String refreshToken, String scope,
		String idToken) {
}

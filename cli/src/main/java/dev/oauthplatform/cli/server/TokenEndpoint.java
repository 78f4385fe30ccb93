package dev.oauthplatform.cli.server;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

import dev.oauthplatform.cli.support.CliException;

/** Sends token requests (any grant) and reads the answer, an ID token included when there is one. */
public final class TokenEndpoint {

	private final Clock clock;

	public TokenEndpoint(Clock clock) {
		this.clock = clock;
	}

	/** The tokens, or {@link Refused} with the server's error code. */
	public IssuedTokens send(TokenRequest request) {
		Instant sent = this.clock.instant();
		TokenResponse response = parse(request, send(request.toHTTPRequest()::send, request.getEndpointURI()));
		if (!response.indicatesSuccess()) {
			throw new Refused("The token request", response.toErrorResponse().getErrorObject());
		}
		AccessTokenResponse success = response.toSuccessResponse();
		Tokens tokens = success.getTokens();
		long lifetime = tokens.getAccessToken().getLifetime();
		// counted from when the request left: the token cannot outlive what the server meant
		Instant expiresAt = (lifetime > 0) ? sent.plusSeconds(lifetime) : null;
		String idToken = (success instanceof OIDCTokenResponse oidc) ? oidc.getOIDCTokens().getIDTokenString() : null;
		return new IssuedTokens(tokens.getAccessToken().getValue(), expiresAt,
				(tokens.getRefreshToken() != null) ? tokens.getRefreshToken().getValue() : null,
				(tokens.getAccessToken().getScope() != null) ? tokens.getAccessToken().getScope().toString() : null,
				idToken);
	}

	static HTTPResponse send(HttpCall call, Object where) {
		try {
			return call.send();
		}
		catch (IOException ex) {
			throw Unreachable.of(where, ex);
		}
	}

	private static TokenResponse parse(TokenRequest request, HTTPResponse response) {
		try {
			return OIDCTokenResponseParser.parse(response);
		}
		catch (ParseException ex) {
			throw NotOAuth.answer(request.getEndpointURI(), response, ex);
		}
	}

	@FunctionalInterface
	interface HttpCall {

		HTTPResponse send() throws IOException;

	}

}

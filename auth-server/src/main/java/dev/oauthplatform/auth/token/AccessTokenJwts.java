package dev.oauthplatform.auth.token;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What makes a JWT one of our access tokens (RFC 9068): the header type {@code at+jwt}, set when
 * one is issued and required wherever one is accepted (userinfo, the admin API, introspection),
 * so that an ID token, signed by the same keys, never passes for an access token.
 */
public final class AccessTokenJwts {

	public static final String TYPE = "at+jwt";

	private AccessTokenJwts() {
	}

	public static OAuth2TokenValidator<Jwt> validator(String issuer) {
		return new DelegatingOAuth2TokenValidator<>(new JwtTypeValidator(TYPE, "application/" + TYPE),
				new JwtTimestampValidator(), new JwtIssuerValidator(issuer));
	}

}

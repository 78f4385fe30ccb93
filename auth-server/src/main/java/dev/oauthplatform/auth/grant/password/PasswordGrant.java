package dev.oauthplatform.auth.grant.password;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** RFC 6749 §4.3, which Spring Security 7 dropped: ours, for CLI clients registered for it. */
public final class PasswordGrant {

	public static final AuthorizationGrantType GRANT_TYPE = new AuthorizationGrantType("password");

	static final String USERNAME = "username";

	static final String PASSWORD = "password";

	static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private PasswordGrant() {
	}

}

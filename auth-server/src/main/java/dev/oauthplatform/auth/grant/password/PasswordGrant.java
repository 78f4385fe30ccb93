package dev.oauthplatform.auth.grant.password;

/**
 * RFC 6749 §4.3's parameters; the grant type itself is listed with the others the server
 * supports ({@code Supported.PASSWORD_GRANT}), since client types name it.
 */
final class PasswordGrant {

	static final String USERNAME = "username";

	static final String PASSWORD = "password";

	static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private PasswordGrant() {
	}

}

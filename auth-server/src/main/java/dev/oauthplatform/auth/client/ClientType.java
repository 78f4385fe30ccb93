package dev.oauthplatform.auth.client;

import java.util.Set;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import dev.oauthplatform.auth.protocol.Supported;

/**
 * The kinds of application an admin registers (DESIGN.md's table). Each type fixes whether the
 * client is public and which grants it may use.
 */
public enum ClientType {

	/** A backend server or BFF: confidential, code + PKCE, refresh. */
	WEB(false, Set.of(AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN)),

	/** A single-page app in the browser: public, code + PKCE, rotating refresh tokens. */
	SPA(true, Set.of(AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN)),

	/** A mobile or desktop app: public, code + PKCE, loopback redirects on any port. */
	NATIVE(true, Set.of(AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN)),

	/** A machine-to-machine client: confidential, client_credentials only. */
	M2M(false, Set.of(AuthorizationGrantType.CLIENT_CREDENTIALS)),

	/** A command-line tool on the password grant: public by default, or confidential. */
	CLI(true, Set.of(Supported.PASSWORD_GRANT, AuthorizationGrantType.REFRESH_TOKEN));

	private final boolean publicByDefault;

	private final Set<AuthorizationGrantType> allowedGrants;

	ClientType(boolean publicByDefault, Set<AuthorizationGrantType> allowedGrants) {
		this.publicByDefault = publicByDefault;
		this.allowedGrants = allowedGrants;
	}

	public boolean isPublicByDefault() {
		return this.publicByDefault;
	}

	public Set<AuthorizationGrantType> allowedGrants() {
		return this.allowedGrants;
	}

	public ClientAuthenticationMethod defaultAuthMethod() {
		return this.publicByDefault ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
	}

	public String value() {
		return name().toLowerCase();
	}

	public static ClientType fromValue(String value) {
		return valueOf(value.toUpperCase());
	}

}

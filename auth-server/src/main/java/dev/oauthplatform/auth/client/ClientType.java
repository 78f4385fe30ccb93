package dev.oauthplatform.auth.client;

import java.util.Arrays;
import java.util.HashSet;
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

	/**
	 * A mobile or desktop app: public, code + PKCE, loopback redirects on any port; or, on a device
	 * without a browser (a TV), the device grant when registered for it.
	 */
	NATIVE(true, Set.of(AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN),
			AuthorizationGrantType.DEVICE_CODE),

	/** A machine-to-machine client: confidential, client_credentials only. */
	M2M(false, Set.of(AuthorizationGrantType.CLIENT_CREDENTIALS)),

	/**
	 * A command-line tool: public by default, or confidential. The device grant when registered for
	 * it (the way RFC 9700 §2.4 leaves); by default the password grant, as seed 002's tools use it.
	 */
	CLI(true, Set.of(Supported.PASSWORD_GRANT, AuthorizationGrantType.REFRESH_TOKEN), AuthorizationGrantType.DEVICE_CODE);

	private final boolean publicByDefault;

	private final Set<AuthorizationGrantType> defaultGrants;

	private final Set<AuthorizationGrantType> allowedGrants;

	/** @param alsoAllowed grants the type may be registered for, though not by default */
	ClientType(boolean publicByDefault, Set<AuthorizationGrantType> defaultGrants,
			AuthorizationGrantType... alsoAllowed) {
		this.publicByDefault = publicByDefault;
		this.defaultGrants = defaultGrants;
		Set<AuthorizationGrantType> allowed = new HashSet<>(defaultGrants);
		allowed.addAll(Arrays.asList(alsoAllowed));
		this.allowedGrants = Set.copyOf(allowed);
	}

	public boolean isPublicByDefault() {
		return this.publicByDefault;
	}

	/** What a registration that names no grant_types gets. */
	public Set<AuthorizationGrantType> defaultGrants() {
		return this.defaultGrants;
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

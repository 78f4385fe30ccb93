package dev.oauthplatform.auth.protocol;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * What this server supports, listed once: discovery announces exactly this, the admin API
 * registers nothing else, and the console reads it from discovery.
 */
public final class Supported {

	/** RFC 6749 §4.3, which Spring Security 7 dropped: ours, for CLI clients registered for it. */
	public static final AuthorizationGrantType PASSWORD_GRANT = new AuthorizationGrantType("password");

	public static final List<AuthorizationGrantType> GRANT_TYPES = List.of(AuthorizationGrantType.AUTHORIZATION_CODE,
			AuthorizationGrantType.REFRESH_TOKEN, AuthorizationGrantType.CLIENT_CREDENTIALS, PASSWORD_GRANT,
			AuthorizationGrantType.DEVICE_CODE);

	/** How a confidential client authenticates, at every endpoint that takes client authentication. */
	public static final List<ClientAuthenticationMethod> CLIENT_SECRET_METHODS = List
		.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);

	/** At the token endpoint public clients ({@code none}) too: PKCE, refresh, password and device grants. */
	public static final List<ClientAuthenticationMethod> TOKEN_ENDPOINT_METHODS = List.of(
			ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST,
			ClientAuthenticationMethod.NONE);

	private Supported() {
	}

	public static List<String> grantTypeValues() {
		return GRANT_TYPES.stream().map(AuthorizationGrantType::getValue).toList();
	}

	public static List<String> values(List<ClientAuthenticationMethod> methods) {
		return methods.stream().map(ClientAuthenticationMethod::getValue).toList();
	}

}

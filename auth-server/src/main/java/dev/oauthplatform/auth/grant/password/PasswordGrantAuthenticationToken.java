package dev.oauthplatform.auth.grant.password;

import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

import dev.oauthplatform.auth.protocol.Supported;

/** A password grant request: the user's credentials and the scopes asked for. */
class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

	private final String username;

	private final String password;

	private final Set<String> scopes;

	public PasswordGrantAuthenticationToken(String username, String password, Set<String> scopes,
			Authentication clientPrincipal, Map<String, Object> additionalParameters) {
		super(Supported.PASSWORD_GRANT, clientPrincipal, additionalParameters);
		this.username = username;
		this.password = password;
		this.scopes = Set.copyOf(scopes);
	}

	public String getUsername() {
		return this.username;
	}

	public String getPassword() {
		return this.password;
	}

	public Set<String> getScopes() {
		return this.scopes;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

}

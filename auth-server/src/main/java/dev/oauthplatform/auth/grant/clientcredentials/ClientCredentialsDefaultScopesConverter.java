package dev.oauthplatform.auth.grant.clientcredentials;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * RFC 6749 §3.3: without {@code scope}, a machine client gets the scopes it is registered with
 * (the framework would issue a token with no scope at all).
 */
public final class ClientCredentialsDefaultScopesConverter implements AuthenticationConverter {

	private final AuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication authentication = this.delegate.convert(request);
		if (authentication instanceof OAuth2ClientCredentialsAuthenticationToken tokenRequest
				&& tokenRequest.getScopes().isEmpty()
				&& tokenRequest.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
					tokenRequest.getAdditionalParameters());
		}
		return authentication;
	}

}

package dev.oauthplatform.auth.grant.clientcredentials;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

import dev.oauthplatform.auth.scope.DefaultScopes;

/**
 * A client credentials request without {@code scope} asks for the client's {@link DefaultScopes}
 * (the framework would issue a token with no scope at all).
 */
final class ClientCredentialsDefaultScopesConverter implements AuthenticationConverter {

	private final AuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication authentication = this.delegate.convert(request);
		if (authentication instanceof OAuth2ClientCredentialsAuthenticationToken tokenRequest
				&& tokenRequest.getScopes().isEmpty()
				&& tokenRequest.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2ClientCredentialsAuthenticationToken(client,
					DefaultScopes.forRequest(tokenRequest.getScopes(), client.getRegisteredClient().getScopes()),
					tokenRequest.getAdditionalParameters());
		}
		return authentication;
	}

}

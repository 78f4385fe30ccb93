package dev.oauthplatform.auth.authorize;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

import dev.oauthplatform.auth.scope.DefaultScopes;

/** An authorization request without {@code scope} asks for the client's {@link DefaultScopes}. */
final class DefaultScopesConverter implements AuthenticationConverter {

	private final AuthenticationConverter delegate;

	private final RegisteredClientRepository clients;

	DefaultScopesConverter(AuthenticationConverter delegate, RegisteredClientRepository clients) {
		this.delegate = delegate;
		this.clients = clients;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication authentication = this.delegate.convert(request);
		if (!(authentication instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)
				|| !authorizationRequest.getScopes().isEmpty()) {
			return authentication;
		}
		RegisteredClient client = this.clients.findByClientId(authorizationRequest.getClientId());
		if (client == null) {
			return authentication;
		}
		return new OAuth2AuthorizationCodeRequestAuthenticationToken(authorizationRequest.getAuthorizationUri(),
				authorizationRequest.getClientId(), (Authentication) authorizationRequest.getPrincipal(),
				authorizationRequest.getRedirectUri(), authorizationRequest.getState(),
				DefaultScopes.forRequest(authorizationRequest.getScopes(), client.getScopes()),
				authorizationRequest.getAdditionalParameters());
	}

}

package dev.oauthplatform.auth.authorize;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * RFC 6749 §3.3 lets the server pick a default when {@code scope} is absent: we grant the scopes
 * the client is registered with (seed 002's clients never send one).
 */
public final class DefaultScopesConverter implements AuthenticationConverter {

	private final AuthenticationConverter delegate;

	private final RegisteredClientRepository clients;

	public DefaultScopesConverter(AuthenticationConverter delegate, RegisteredClientRepository clients) {
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
				authorizationRequest.getRedirectUri(), authorizationRequest.getState(), client.getScopes(),
				authorizationRequest.getAdditionalParameters());
	}

}

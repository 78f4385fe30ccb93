package dev.oauthplatform.auth.grant.device;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2DeviceAuthorizationRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

import dev.oauthplatform.auth.scope.DefaultScopes;

/**
 * A device authorization request without {@code scope} asks for the client's registered scopes,
 * as at the other grants, less {@code openid}: the device grant issues no ID token.
 */
final class DeviceAuthorizationDefaultScopesConverter implements AuthenticationConverter {

	private final AuthenticationConverter delegate = new OAuth2DeviceAuthorizationRequestAuthenticationConverter();

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication authentication = this.delegate.convert(request);
		if (authentication instanceof OAuth2DeviceAuthorizationRequestAuthenticationToken deviceRequest
				&& deviceRequest.getScopes().isEmpty()
				&& deviceRequest.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			Set<String> registered = new HashSet<>(client.getRegisteredClient().getScopes());
			registered.remove(OidcScopes.OPENID);
			return new OAuth2DeviceAuthorizationRequestAuthenticationToken(client,
					deviceRequest.getAuthorizationUri(), DefaultScopes.forRequest(Set.of(), registered),
					deviceRequest.getAdditionalParameters());
		}
		return authentication;
	}

}

package dev.oauthplatform.auth.authorize;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * RFC 6749 §4.1.2.1: once client_id and redirect_uri are verified, errors go back to the client.
 * The framework's converter fails before it knows the client, so this verifies them (exact
 * match) and makes such an error redirectable; any other error stays on our error page.
 */
final class RedirectableErrors implements AuthenticationConverter {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("anonymous", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private final AuthenticationConverter delegate;

	private final RegisteredClientRepository clients;

	RedirectableErrors(AuthenticationConverter delegate, RegisteredClientRepository clients) {
		this.delegate = delegate;
		this.clients = clients;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		try {
			return this.delegate.convert(request);
		}
		catch (OAuth2AuthorizationCodeRequestAuthenticationException ex) {
			throw redirectableIfVerified(ex, request);
		}
	}

	private OAuth2AuthorizationCodeRequestAuthenticationException redirectableIfVerified(
			OAuth2AuthorizationCodeRequestAuthenticationException ex, HttpServletRequest request) {
		String clientId = single(request, "client_id");
		String redirectUri = single(request, "redirect_uri");
		if (ex.getAuthorizationCodeRequestAuthentication() != null || clientId == null || redirectUri == null) {
			return ex;
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null || !client.getRedirectUris().contains(redirectUri)) {
			return ex;
		}
		OAuth2AuthorizationCodeRequestAuthenticationToken verified = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getRequestURL().toString(), clientId, ANONYMOUS, redirectUri, single(request, "state"), Set.of(),
				Map.of());
		return new OAuth2AuthorizationCodeRequestAuthenticationException(ex.getError(), verified);
	}

	private static String single(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values != null && values.length == 1) ? values[0] : null;
	}

}

package dev.oauthplatform.auth.signout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Answers a valid RP-initiated logout request: a signed-in user is asked to confirm on
 * {@code /signout} (OIDC RP-Initiated Logout §2: the OP should ask), so that a link alone cannot
 * sign anyone out. With no one signed in there is nothing to confirm: back to the application.
 * The framework has already checked the ID token and that {@code post_logout_redirect_uri} is
 * registered for its client.
 */
final class RpInitiatedSignOut implements AuthenticationSuccessHandler {

	private final RegisteredClientRepository clients;

	RpInitiatedSignOut(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
		String returnTo = returnTo(logout);
		if (!logout.isPrincipalAuthenticated()) {
			response.sendRedirect((returnTo != null) ? returnTo : request.getContextPath() + SignOutController.SIGNED_OUT);
			return;
		}
		new PendingSignOut(appName(logout), returnTo).saveIn(request.getSession());
		// a redirect, so that the ID token leaves the address bar and the history
		response.sendRedirect(request.getContextPath() + SignOutController.CONFIRM);
	}

	private static String returnTo(OidcLogoutAuthenticationToken logout) {
		if (!logout.isAuthenticated() || !StringUtils.hasText(logout.getPostLogoutRedirectUri())) {
			return null;
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(logout.getPostLogoutRedirectUri());
		if (StringUtils.hasText(logout.getState())) {
			uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(logout.getState(), StandardCharsets.UTF_8));
		}
		return uri.build(true).toUriString();
	}

	private String appName(OidcLogoutAuthenticationToken logout) {
		List<String> audience = (logout.getIdToken() != null) ? logout.getIdToken().getAudience() : List.of();
		RegisteredClient client = audience.isEmpty() ? null : this.clients.findByClientId(audience.get(0));
		return (client != null) ? client.getClientName() : null;
	}

}

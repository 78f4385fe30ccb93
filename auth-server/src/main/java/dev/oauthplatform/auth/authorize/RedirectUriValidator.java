package dev.oauthplatform.auth.authorize;

import java.util.function.Consumer;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import dev.oauthplatform.auth.client.NativeApps;

/**
 * Exact string match for every redirect URI (RFC 9700 §4.1.3). Only native apps may use a
 * loopback redirect on any port (RFC 8252 §7.3); the framework would allow that to every client.
 */
final class RedirectUriValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";

	private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> nativeRules = OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR;

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		RegisteredClient client = context.getRegisteredClient();
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String requested = request.getRedirectUri();
		if (NativeApps.isNative(client) || requested == null) {
			this.nativeRules.accept(context);
			return;
		}
		if (!client.getRedirectUris().contains(requested)) {
			throw unregistered(request);
		}
	}

	/** No redirect: an unregistered URI must never receive the error (it may be an attacker's). */
	private static OAuth2AuthorizationCodeRequestAuthenticationException unregistered(
			OAuth2AuthorizationCodeRequestAuthenticationToken request) {
		OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
				"The redirect_uri is not registered for this client", ERROR_URI);
		OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(), null,
				request.getState(), request.getScopes(), request.getAdditionalParameters());
		return new OAuth2AuthorizationCodeRequestAuthenticationException(error, withoutRedirect);
	}

}

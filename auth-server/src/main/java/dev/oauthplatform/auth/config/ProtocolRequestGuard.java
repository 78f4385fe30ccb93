package dev.oauthplatform.auth.config;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.oauthplatform.auth.page.ErrorPage;
import dev.oauthplatform.auth.protocol.OAuthErrorResponse;

/**
 * Answers an RFC 6749 {@code invalid_request} where the container or the framework would not:
 * parameters that are not validly encoded (the container's generic 400) and a back-channel call
 * that is not a POST (the framework matches only POST, so it would fall through to the login page),
 * a CORS preflight excepted.
 */
final class ProtocolRequestGuard extends OncePerRequestFilter {

	private final Set<String> backChannel;

	private final String authorize;

	/** A page on another origin may call these ({@link ProtocolCors}): their CORS preflight is not an error. */
	private final Set<String> browserBackChannel;

	ProtocolRequestGuard(AuthorizationServerSettings endpoints) {
		this.backChannel = Set.of(endpoints.getTokenEndpoint(), endpoints.getTokenIntrospectionEndpoint(),
				endpoints.getTokenRevocationEndpoint(), endpoints.getDeviceAuthorizationEndpoint());
		this.authorize = endpoints.getAuthorizationEndpoint();
		this.browserBackChannel = Set.of(endpoints.getTokenEndpoint(), endpoints.getTokenRevocationEndpoint());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		boolean backChannel = this.backChannel.contains(path);
		if (!backChannel && !this.authorize.equals(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (CorsUtils.isPreFlightRequest(request) && this.browserBackChannel.contains(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (backChannel && !"POST".equals(request.getMethod())) {
			json(response, "This endpoint accepts only POST (RFC 6749 section 3.2)");
			return;
		}
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			String description = "The request parameters are not validly encoded";
			if (backChannel) {
				json(response, description);
			}
			else {
				ErrorPage.render(request, response, new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static void json(HttpServletResponse response, String description) throws IOException {
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, OAuth2ErrorCodes.INVALID_REQUEST, description);
	}

}

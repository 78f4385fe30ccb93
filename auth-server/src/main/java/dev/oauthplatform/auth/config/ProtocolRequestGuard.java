package dev.oauthplatform.auth.config;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.oauthplatform.auth.authorize.ErrorPage;

/**
 * Answers an RFC 6749 {@code invalid_request} where the container or the framework would not:
 * parameters that are not validly encoded (the container's generic 400) and a back-channel call
 * that is not a POST (the framework matches only POST, so it would fall through to the login page),
 * a CORS preflight excepted.
 */
final class ProtocolRequestGuard extends OncePerRequestFilter {

	private static final Set<String> BACK_CHANNEL = Set.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke");

	private static final String AUTHORIZE = "/oauth2/authorize";

	/** A page on another origin may call these ({@link ProtocolCors}): their CORS preflight is not an error. */
	private static final Set<String> BROWSER_BACK_CHANNEL = Set.of("/oauth2/token", "/oauth2/revoke");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		boolean backChannel = BACK_CHANNEL.contains(path);
		if (!backChannel && !AUTHORIZE.equals(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (CorsUtils.isPreFlightRequest(request) && BROWSER_BACK_CHANNEL.contains(path)) {
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
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}");
	}

}

package dev.oauthplatform.auth.client;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Runs before any client authentication converter and refuses what the framework mishandles:
 * a repeated parameter (it casts the repeats to a String and fails with a 500), two client
 * authentication methods at once (RFC 6749 §2.3: it silently uses the first) and an empty
 * {@code grant_type} (RFC 6749 §3.1: same as a missing one).
 */
final class ClientAuthenticationRequestValidator implements AuthenticationConverter {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private static final List<String> SINGLE_VALUED = List.of("grant_type", "code", "code_verifier", "redirect_uri",
			"refresh_token", "client_id", "client_secret", "token", "token_type_hint", "scope");

	@Override
	public Authentication convert(HttpServletRequest request) {
		for (String name : SINGLE_VALUED) {
			String[] values = request.getParameterValues(name);
			if (values != null && values.length > 1) {
				throw invalidRequest("Parameter given more than once: " + name);
			}
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null && request.getParameter("client_secret") != null) {
			throw invalidRequest("More than one client authentication method");
		}
		if ("".equals(request.getParameter("grant_type"))) {
			throw invalidRequest("Missing parameter: grant_type");
		}
		return null;
	}

	private static OAuth2AuthenticationException invalidRequest(String description) {
		return new OAuth2AuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, ERROR_URI));
	}

}

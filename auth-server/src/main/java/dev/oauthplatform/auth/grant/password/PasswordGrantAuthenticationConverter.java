package dev.oauthplatform.auth.grant.password;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

import dev.oauthplatform.auth.protocol.Supported;

/** Reads {@code grant_type=password} token requests (RFC 6749 §4.3.2). */
final class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

	private static final String REQUEST_ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.3.2";

	private static final Set<String> OWN_PARAMETERS = Set.of(OAuth2ParameterNames.GRANT_TYPE,
			PasswordGrant.USERNAME, PasswordGrant.PASSWORD, OAuth2ParameterNames.SCOPE,
			OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET);

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!Supported.PASSWORD_GRANT.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return null;
		}
		String username = single(request, PasswordGrant.USERNAME, true);
		String password = single(request, PasswordGrant.PASSWORD, true);
		String scope = single(request, OAuth2ParameterNames.SCOPE, false);
		Set<String> scopes = StringUtils.hasText(scope)
				? new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+"))) : Set.of();

		Map<String, Object> additionalParameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!OWN_PARAMETERS.contains(name)) {
				additionalParameters.put(name, (values.length == 1) ? values[0] : values);
			}
		});
		Authentication clientPrincipal = SecurityContextHolder.getContext().getAuthentication();
		return new PasswordGrantAuthenticationToken(username, password, scopes, clientPrincipal,
				additionalParameters);
	}

	private static String single(HttpServletRequest request, String name, boolean required) {
		String[] values = request.getParameterValues(name);
		if (values == null) {
			if (required) {
				throw invalidRequest("Missing parameter: " + name);
			}
			return null;
		}
		if (values.length != 1) {
			throw invalidRequest("Parameter given more than once: " + name);
		}
		if (required && !StringUtils.hasText(values[0])) {
			throw invalidRequest("Empty parameter: " + name);
		}
		return values[0];
	}

	private static OAuth2AuthenticationException invalidRequest(String description) {
		return new OAuth2AuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, REQUEST_ERROR_URI));
	}

}

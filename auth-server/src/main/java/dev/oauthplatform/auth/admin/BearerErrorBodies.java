package dev.oauthplatform.auth.admin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.oauthplatform.auth.protocol.OAuthErrorResponse;

/**
 * The framework's RFC 6750 answers (status and {@code WWW-Authenticate}), plus the same error as
 * a JSON body, so that a script reads every refusal of the admin API the same way.
 */
final class BearerErrorBodies implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint challenges = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler denials = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		this.challenges.commence(request, response, failure);
		String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		if (challenge != null && challenge.contains("error=\"invalid_token\"")) {
			write(response, "invalid_token", "The access token is invalid, expired or revoked, or its user is disabled");
		}
		else {
			// RFC 6750 §3.1: no error code in the challenge for a request without a token
			write(response, "invalid_request", "A bearer token with scope admin is required");
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		this.denials.handle(request, response, denied);
		write(response, "insufficient_scope", "The token needs scope admin and its user the role ADMIN");
	}

	private static void write(HttpServletResponse response, String error, String description) throws IOException {
		OAuthErrorResponse.write(response, error, description);
	}

}

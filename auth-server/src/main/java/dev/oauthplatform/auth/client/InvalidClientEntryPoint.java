package dev.oauthplatform.auth.client;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.oauthplatform.auth.protocol.OAuthErrorResponse;

/**
 * RFC 6749 §5.2: a token, introspection or revocation request without client authentication gets
 * 401 {@code invalid_client} as JSON (the framework answers a bare 401).
 */
final class InvalidClientEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
		OAuthErrorResponse.write(response, HttpStatus.UNAUTHORIZED, OAuth2ErrorCodes.INVALID_CLIENT,
				"Client authentication is required");
	}

}

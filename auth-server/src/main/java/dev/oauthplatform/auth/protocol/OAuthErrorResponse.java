package dev.oauthplatform.auth.protocol;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;

/**
 * The one writer of an OAuth error as JSON (RFC 6749 §5.2, RFC 6750 §3): {@code error},
 * {@code error_description}, never cached; written by the framework's converter, so a
 * description is always valid JSON.
 */
public final class OAuthErrorResponse {

	private static final OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();

	private OAuthErrorResponse() {
	}

	/** With the status; the headers already set (e.g. {@code WWW-Authenticate}) stay. */
	public static void write(HttpServletResponse response, HttpStatus status, String error, String description)
			throws IOException {
		response.setStatus(status.value());
		write(response, error, description);
	}

	/** Keeping the status already set (by an entry point or access denied handler). */
	public static void write(HttpServletResponse response, String error, String description) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ServletServerHttpResponse httpResponse = new ServletServerHttpResponse(response);
		converter.write(new OAuth2Error(error, description, null), null, httpResponse);
	}

}

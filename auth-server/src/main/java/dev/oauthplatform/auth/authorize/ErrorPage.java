package dev.oauthplatform.auth.authorize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.util.HtmlUtils;

/**
 * What the user sees when an authorization or sign-out request cannot go back to the client
 * (RFC 6749 §4.1.2.1; OpenID Connect RP-Initiated Logout §4).
 */
public final class ErrorPage {

	private ErrorPage() {
	}

	public static void render(HttpServletResponse response, OAuth2Error error) throws IOException {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String description = (error.getDescription() != null) ? error.getDescription() : "";
		response.getWriter().write("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Request refused</title></head>
				<body><main><h1>This request cannot be completed</h1>
				<p>The application that sent you here made a request this server refuses.</p>
				<p><code id="error">%s</code>: <span id="error-description">%s</span></p>
				</main></body></html>
				""".formatted(HtmlUtils.htmlEscape(error.getErrorCode()), HtmlUtils.htmlEscape(description)));
	}

}

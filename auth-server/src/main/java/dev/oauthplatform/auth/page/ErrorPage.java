package dev.oauthplatform.auth.page;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Shows the user a refused authorization or sign-out request that cannot go back to the client
 * (RFC 6749 §4.1.2.1; OpenID Connect RP-Initiated Logout §4), by a forward to a page of ours.
 * Neither the forward nor the error dispatch it replaces may log the request's URL: it may carry
 * an {@code id_token_hint}.
 */
public final class ErrorPage {

	/** The page that explains the refusal (authorize/RefusedRequestController). */
	public static final String PATH = "/request-refused";

	private static final String ERROR_ATTRIBUTE = ErrorPage.class.getName() + ".error";

	private ErrorPage() {
	}

	/** The refusal forwarded to {@link #PATH}, or null when the page is requested directly. */
	public static OAuth2Error refusal(HttpServletRequest request) {
		return (OAuth2Error) request.getAttribute(ERROR_ATTRIBUTE);
	}

	public static void render(HttpServletRequest request, HttpServletResponse response, OAuth2Error error)
			throws IOException {
		request.setAttribute(ERROR_ATTRIBUTE, error);
		try {
			// an empty query of its own: else the forward keeps the request's, which may hold an id_token_hint
			request.getRequestDispatcher(PATH + "?").forward(request, response);
		}
		catch (ServletException ex) {
			throw new IOException(ex);
		}
	}

}

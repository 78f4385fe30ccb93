package dev.oauthplatform.auth.authorize;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Shows the user a refused authorization or sign-out request that cannot go back to the client
 * (RFC 6749 §4.1.2.1; OpenID Connect RP-Initiated Logout §4): a forward, not an error dispatch,
 * which would log the request's URL and so any {@code id_token_hint} in it.
 */
public final class ErrorPage {

	static final String PATH = "/request-refused";

	static final String ERROR_ATTRIBUTE = ErrorPage.class.getName() + ".error";

	private ErrorPage() {
	}

	public static void render(HttpServletRequest request, HttpServletResponse response, OAuth2Error error)
			throws IOException {
		request.setAttribute(ERROR_ATTRIBUTE, error);
		try {
			request.getRequestDispatcher(PATH).forward(request, response);
		}
		catch (ServletException ex) {
			throw new IOException(ex);
		}
	}

}

package dev.oauthplatform.auth.signout;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A sign-out an application asked for (OIDC RP-Initiated Logout), validated and waiting for the
 * user to confirm it. Kept in the session, so that the confirmation page holds no ID token.
 *
 * @param appName the application that asked, to name it on the page
 * @param returnTo its registered post-logout redirect URI with its {@code state}, or null
 */
record PendingSignOut(String appName, String returnTo) implements Serializable {

	private static final String ATTRIBUTE = PendingSignOut.class.getName();

	void saveIn(HttpSession session) {
		session.setAttribute(ATTRIBUTE, this);
	}

	static PendingSignOut in(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? (PendingSignOut) session.getAttribute(ATTRIBUTE) : null;
	}

}

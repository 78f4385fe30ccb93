package dev.oauthplatform.auth.signout;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Where a confirmed sign-out goes: back to the application that asked for it, at its registered
 * post-logout redirect URI, or else to the signed-out page. As a {@link LogoutHandler} it runs
 * before the session is invalidated, to keep the pending sign-out for the success handler.
 */
public final class AfterSignOut implements LogoutHandler, LogoutSuccessHandler {

	private static final String RETURN_TO = AfterSignOut.class.getName() + ".returnTo";

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		PendingSignOut pending = PendingSignOut.in(request);
		if (pending != null && pending.returnTo() != null) {
			request.setAttribute(RETURN_TO, pending.returnTo());
		}
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		Object returnTo = request.getAttribute(RETURN_TO);
		response.sendRedirect((returnTo != null) ? (String) returnTo
				: request.getContextPath() + SignOutController.SIGNED_OUT);
	}

}

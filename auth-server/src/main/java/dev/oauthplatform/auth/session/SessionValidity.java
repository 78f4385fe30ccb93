package dev.oauthplatform.auth.session;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.oauthplatform.auth.page.PageModel;
import dev.oauthplatform.auth.user.AppUser;
import dev.oauthplatform.auth.user.AppUserRepository;

/**
 * Decides whether a signed-in browser session still stands: its user must exist, be enabled and
 * hold the session version it signed in with ({@link AppUser#endSessions()}: disabling, a new
 * password or new roles bump it). Checked on every browser request, {@code /oauth2/authorize}
 * included, so a session ends with the account at its next request on any instance, and the
 * authorization endpoint then answers as to a signed-out browser ({@code login_required} for
 * {@code prompt=none}).
 */
public final class SessionValidity extends OncePerRequestFilter implements SessionAuthenticationStrategy {

	private static final String VERSION_ATTRIBUTE = SessionValidity.class.getName() + ".version";

	private static final Logger logger = LoggerFactory.getLogger(SessionValidity.class);

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final AppUserRepository users;

	public SessionValidity(AppUserRepository users) {
		this.users = users;
	}

	/** At sign-in: the session remembers the user's current version. */
	@Override
	public void onAuthentication(Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		this.users.findById(authentication.getName())
			.ifPresent((user) -> request.getSession().setAttribute(VERSION_ATTRIBUTE, user.getSessionVersion()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication signedIn = (session != null) ? this.contexts.getContext().getAuthentication() : null;
		if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()) {
			Optional<AppUser> user = standingUser(signedIn.getName(), session.getAttribute(VERSION_ATTRIBUTE));
			if (user.isPresent()) {
				request.setAttribute(PageModel.SIGNED_IN_USERNAME, user.get().getUsername());
			}
			else {
				logger.debug("Ending a session whose user was disabled, changed or deleted");
				session.invalidate();
				this.contexts.clearContext();
			}
		}
		chain.doFilter(request, response);
	}

	private Optional<AppUser> standingUser(String userId, Object sessionVersion) {
		return this.users.findById(userId)
			.filter(AppUser::isEnabled)
			.filter((user) -> sessionVersion instanceof Long version && version == user.getSessionVersion());
	}

}

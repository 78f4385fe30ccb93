package dev.oauthplatform.auth.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

import dev.oauthplatform.auth.user.LoginThrottledException;

/**
 * Spring Security 7's generated login page says only "Invalid credentials" after a failed sign-in,
 * whatever the reason. A user refused by the throttle would retry at once and be refused again, so
 * on {@code /login?error} after a throttled attempt this swaps that text for the throttle's
 * message (how long to wait). A stopgap until the login page is our own.
 */
final class ThrottledLoginMessage extends OncePerRequestFilter {

	/** DefaultLoginPageGeneratingFilter's fixed text. */
	private static final String GENERIC_ERROR = "Invalid credentials";

	private final RequestMatcher loginPage = PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/login");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.loginPage.matches(request) || request.getParameter("error") == null
				|| throttled(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, page);
		String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
		byte[] shown = html.replace(GENERIC_ERROR, HtmlUtils.htmlEscape(throttled(request).getMessage()))
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(shown.length);
		response.getOutputStream().write(shown);
	}

	/** The refusal the failure handler kept in the session for the login page to show. */
	private static LoginThrottledException throttled(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		return (failure instanceof LoginThrottledException throttled) ? throttled : null;
	}

}

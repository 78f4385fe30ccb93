package dev.oauthplatform.auth.config;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.oauthplatform.auth.persistence.DatabaseUnreachable;
import dev.oauthplatform.auth.protocol.OAuthErrorResponse;

/**
 * While the database cannot be reached, every request that needs it answers {@code 503} with
 * {@code Retry-After}: RFC 6749's {@code temporarily_unavailable} as JSON, or a short page for a
 * browser; never a 500 with whatever the failure was. Outermost of the filters but the request
 * id's (whose header survives the {@code reset()} here), because the protocol endpoints' filters
 * let data access exceptions out of the chain; the pool reconnects by itself once the database is
 * back, so the next request after that succeeds.
 */
final class DatabaseOutageGuard extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseOutageGuard.class);

	/** Roughly a restart's or a failover's length; clients may come back sooner or later. */
	static final int RETRY_AFTER_SECONDS = 5;

	static final String DESCRIPTION = "The server cannot reach its database; try again shortly";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>
			<body><h1>Temporarily unavailable</h1>
			<p>The sign-in service cannot reach its database right now. Please try again in a few seconds.</p>
			</body></html>
			""";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseUnreachable.is(ex) || response.isCommitted()) {
				throw ex;
			}
			// the path only (a query may carry an id_token_hint or a code), and the cause's type
			logger.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
					request.getRequestURI(), NestedExceptionUtils.getMostSpecificCause(ex).getClass().getName());
			unavailable(request, response);
		}
	}

	private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		if (wantsPage(request)) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(PAGE);
			return;
		}
		OAuthErrorResponse.write(response, HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable", DESCRIPTION);
	}

	/** A browser navigating (sign-in, consent, authorize) asks for HTML; API clients and curl do not. */
	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}

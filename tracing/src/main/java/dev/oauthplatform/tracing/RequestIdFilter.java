package dev.oauthplatform.tracing;

import java.io.IOException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane (at most 64 of
 * {@code A-Z a-z 0-9 . _ -}), otherwise a new random one. It is in the log context (MDC key
 * {@code request_id}: a field of every JSON log line) while the request is served, and in the
 * {@code X-Request-Id} response header of every answer, the security chain's 401s and the error
 * pages included: the header is set before anything else runs, and set again if a later filter
 * resets the response. Correlation only, not a secret.
 */
final class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "request_id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final String ATTRIBUTE = RequestIdFilter.class.getName();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = idOf(request);
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, new HttpServletResponseWrapper(response) {
				@Override
				public void reset() {
					super.reset();
					setHeader(HEADER, id);
				}
			});
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/** The error dispatch after a {@code sendError} keeps the id its request was given. */
	private static String idOf(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof String id) {
			return id;
		}
		String incoming = request.getHeader(HEADER);
		String id = (incoming != null && SANE.matcher(incoming).matches()) ? incoming : generated();
		request.setAttribute(ATTRIBUTE, id);
		return id;
	}

	/** 128 random bits, base64url: 22 characters. */
	private static String generated() {
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}

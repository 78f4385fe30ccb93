package dev.oauthplatform.auth.key;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets resource servers cache the JWKS for a known time, which is what a staged rotation waits
 * for. Set before the security filters run: their default {@code no-store} only fills a
 * Cache-Control header that is still missing.
 */
final class JwksCacheControl extends OncePerRequestFilter {

	private final String value;

	JwksCacheControl(KeyProperties properties) {
		this.value = "public, max-age=" + properties.jwksMaxAge().toSeconds();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("GET".equals(request.getMethod())) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, this.value);
		}
		chain.doFilter(request, response);
	}

}

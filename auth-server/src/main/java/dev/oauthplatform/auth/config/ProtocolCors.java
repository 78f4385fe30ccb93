package dev.oauthplatform.auth.config;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

import dev.oauthplatform.auth.client.BrowserOrigins;

/**
 * Which protocol endpoints a page on another origin may call with {@code fetch} (CORS), and from
 * where. Discovery and the JWKS are public documents: any origin. Token, revocation and userinfo:
 * only the origins of registered browser apps ({@link BrowserOrigins}); any other origin is
 * refused (403), preflight or not. Never credentials: tokens travel in bodies and headers, not
 * cookies. Authorization, introspection (server to server) and every page get no CORS at all.
 */
final class ProtocolCors implements CorsConfigurationSource {

	/** Short: a removed origin stops working within this time in browsers that cached a preflight. */
	private static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

	private static final CorsConfiguration PUBLIC_DOCUMENT = publicDocument();

	private final RequestMatcher publicDocuments;

	private final RequestMatcher browserEndpoints;

	private final BrowserOrigins origins;

	ProtocolCors(AuthorizationServerSettings settings, BrowserOrigins origins) {
		this.publicDocuments = new OrRequestMatcher(path("/.well-known/openid-configuration"),
				path("/.well-known/oauth-authorization-server"), path("/.well-known/oauth-authorization-server/**"),
				path(settings.getJwkSetEndpoint()));
		this.browserEndpoints = new OrRequestMatcher(path(settings.getTokenEndpoint()),
				path(settings.getTokenRevocationEndpoint()), path(settings.getOidcUserInfoEndpoint()));
		this.origins = origins;
	}

	@Override
	public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		if (this.publicDocuments.matches(request)) {
			return PUBLIC_DOCUMENT;
		}
		if (this.browserEndpoints.matches(request)) {
			return forOrigin(request.getHeader(HttpHeaders.ORIGIN));
		}
		return null;
	}

	/**
	 * The framework's endpoints answer only their own methods: a preflight ({@code OPTIONS}) to one
	 * of ours must still reach the protocol chain, whose CORS filter answers it before any
	 * authentication (a preflight carries no credentials).
	 */
	RequestMatcher preflights() {
		return (request) -> CorsUtils.isPreFlightRequest(request)
				&& (this.publicDocuments.matches(request) || this.browserEndpoints.matches(request));
	}

	private CorsConfiguration forOrigin(String origin) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins((origin != null && this.origins.isAllowed(origin)) ? List.of(origin) : List.of());
		configuration.setAllowedMethods(List.of("GET", "POST"));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
		// userinfo's 401 says why in its challenge (RFC 6750 §3): let the page read it
		configuration.setExposedHeaders(List.of(HttpHeaders.WWW_AUTHENTICATE));
		configuration.setMaxAge(PREFLIGHT_MAX_AGE);
		return configuration;
	}

	private static CorsConfiguration publicDocument() {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.addAllowedOrigin(CorsConfiguration.ALL);
		configuration.setAllowedMethods(List.of("GET"));
		configuration.setMaxAge(PREFLIGHT_MAX_AGE);
		return configuration;
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.pathPattern(pattern);
	}

}

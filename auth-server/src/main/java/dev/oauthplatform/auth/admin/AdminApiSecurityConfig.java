package dev.oauthplatform.auth.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import dev.oauthplatform.auth.token.JpaOAuth2AuthorizationService;
import dev.oauthplatform.auth.user.AppUserRepository;

/**
 * {@code /admin/api/**}: a bearer token with scope {@code admin}, issued to a user who holds role
 * {@code ADMIN} now (roles are read per request, so a demoted admin loses access at once).
 * Failures answer per RFC 6750: 401 {@code invalid_token}, 403 {@code insufficient_scope}, with
 * the same error as JSON.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurityConfig {

	static final String OPENAPI_DOCUMENT = "/admin/api/openapi.yaml";

	/** RFC 9728: a 401 points clients here (Spring Security adds it to the challenge); it must answer. */
	private static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

	@Bean
	@Order(0)
	SecurityFilterChain adminApi(HttpSecurity http, JwtDecoder jwtDecoder, JpaOAuth2AuthorizationService authorizations,
			AppUserRepository users) {
		BearerErrorBodies errors = new BearerErrorBodies();
		http.securityMatcher("/admin/api/**", RESOURCE_METADATA, RESOURCE_METADATA + "/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(OPENAPI_DOCUMENT, RESOURCE_METADATA, RESOURCE_METADATA + "/**")
				.permitAll()
				.anyRequest()
				.access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAuthority("SCOPE_admin"),
						AuthorityAuthorizationManager.hasRole("ADMIN"))))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors)
				.jwt((jwt) -> jwt.decoder(new LiveAccessTokenDecoder(jwtDecoder, authorizations))
					.jwtAuthenticationConverter(new AdminAuthenticationConverter(users))))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// bearer tokens only: no cookie, so no cross-site request to forge
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}

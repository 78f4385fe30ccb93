package dev.oauthplatform.resource.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

import dev.oauthplatform.resource.token.BearerErrorResponses;
import dev.oauthplatform.resource.token.TokenProperties;
import dev.oauthplatform.resource.token.TokenShapeAuthenticationManager;

/**
 * Bearer tokens only: no session, no cookie, so no CSRF to guard against. Scopes map to
 * {@code SCOPE_*} authorities: {@code notes.read} for reading notes, {@code notes.write} for
 * changing them; {@code /api/me} needs only a valid token. Outside the chain, before it: the
 * request id filter of module tracing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, OpaqueTokenIntrospector introspector,
			TokenProperties properties) {
		TokenShapeAuthenticationManager tokens = new TokenShapeAuthenticationManager(
				new JwtAuthenticationProvider(jwtDecoder), new OpaqueTokenAuthenticationProvider(introspector));
		BearerErrorResponses errors = new BearerErrorResponses();
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/**", "/error").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/notes", "/api/notes/**").hasAuthority("SCOPE_notes.read")
			.requestMatchers("/api/notes", "/api/notes/**").hasAuthority("SCOPE_notes.write")
			.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.authenticationManagerResolver((request) -> tokens)
				.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors)
				// RFC 9728 metadata at /.well-known/oauth-protected-resource, named in every 401 challenge
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer((resource) -> resource
					.resource(properties.audience())
					.authorizationServer(properties.issuer())
					.scope("notes.read")
					.scope("notes.write")
					.bearerMethod("header")
					.resourceName("resource-api notes"))))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * No Spring Security observations at all: not just disabled by
	 * {@code management.observations.enable.spring.security} (then every filter of every request is
	 * still wrapped and a no-op observation made), but the chain left undecorated. HTTP server
	 * metrics ({@code http.server.requests}) and traces stay.
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

}

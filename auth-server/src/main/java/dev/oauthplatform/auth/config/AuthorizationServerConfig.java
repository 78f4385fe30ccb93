package dev.oauthplatform.auth.config;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.oauthplatform.auth.client.BrowserOrigins;
import dev.oauthplatform.auth.protocol.ProtocolHook;

/**
 * The OAuth 2.0 / OpenID Connect protocol endpoints: the framework's, with each feature's
 * {@link ProtocolHook}s (client authentication, authorize, grants, introspection, discovery,
 * sign-out, session validity) and the CORS, headers and bearer rules common to them all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerProperties.class)
@EnableScheduling
public class AuthorizationServerConfig {

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http, List<ProtocolHook> hooks, IssuerProperties issuer,
			AuthorizationServerSettings endpoints, BrowserOrigins browserOrigins) {
		ProtocolCors cors = new ProtocolCors(endpoints, browserOrigins);
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(), cors.preflights()));
			hooks.forEach((hook) -> hook.customize(server));
			server.tokenEndpoint((token) -> token.authenticationProviders((providers) -> providers
				.replaceAll((provider) -> adapted(provider, hooks))));
		});
		hooks.forEach((hook) -> hook.customize(http));
		// the authorization endpoint answers with pages too (errors)
		http.headers(PageHeaders.forIssuer(issuer.issuer()))
			.cors((browsers) -> browsers.configurationSource(cors))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.bearerTokenResolver(userInfoOnly(endpoints))
				.jwt((jwt) -> {
				}));
		return http.build();
	}

	/** Picked up by Boot's HTTP server observation filter: http.server.requests names the protocol endpoints. */
	@Bean
	ServerRequestObservationConvention protocolEndpointObservations(AuthorizationServerSettings endpoints) {
		return new ProtocolEndpointObservations(endpoints);
	}

	/**
	 * No Spring Security observations at all. management.observations.enable.spring.security=false
	 * only made each observation a no-op: the filter chains were still wrapped filter by filter
	 * (ObservationFilterChainDecorator, ~7% of the token endpoint's request-thread CPU samples
	 * during warm-up: bench/WARMUP.md); with these settings Spring Security does not wrap them.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IssuerProperties issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer.issuer()).build();
	}

	private static AuthenticationProvider adapted(AuthenticationProvider provider, List<ProtocolHook> hooks) {
		for (ProtocolHook hook : hooks) {
			provider = hook.tokenEndpointProvider(provider);
		}
		return provider;
	}

	/** Only userinfo takes a bearer token; elsewhere a Bearer header is just a failed client authentication. */
	private static BearerTokenResolver userInfoOnly(AuthorizationServerSettings endpoints) {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		RequestMatcher userInfo = PathPatternRequestMatcher.pathPattern(endpoints.getOidcUserInfoEndpoint());
		return (request) -> userInfo.matches(request) ? resolver.resolve(request) : null;
	}

	/**
	 * Right inside the request id (module tracing's filter, first of all: every log line of the
	 * request carries it, the guards' too) and the trailing-slash wrapper: what fails further in,
	 * the security chain included, meets it on the way out.
	 */
	@Bean
	FilterRegistrationBean<DatabaseOutageGuard> databaseOutageGuard() {
		FilterRegistrationBean<DatabaseOutageGuard> registration = new FilterRegistrationBean<>(
				new DatabaseOutageGuard());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProtocolRequestGuard> protocolRequestGuard(AuthorizationServerSettings endpoints) {
		FilterRegistrationBean<ProtocolRequestGuard> registration = new FilterRegistrationBean<>(
				new ProtocolRequestGuard(endpoints));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

}

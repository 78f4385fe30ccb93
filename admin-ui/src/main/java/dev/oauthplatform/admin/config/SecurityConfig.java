package dev.oauthplatform.admin.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every page needs a signed-in admin, except the stylesheet, the error page and the page that
 * says the session ended. CSRF protection stays on (session-stored tokens, forms only). Outside
 * the chain, before it: the {@link RequestIdFilter}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations) {
		http.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error", "/signed-out", "/actuator/**")
				.permitAll()
				.anyRequest().authenticated())
			.oauth2Login((login) -> login.defaultSuccessUrl("/clients"))
			.logout((logout) -> logout.logoutSuccessHandler(rpInitiatedLogout(registrations)))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(
						"default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'")));
		return http.build();
	}

	/** First of all filters: every answer carries the id, the security chain's 401s and 403s included. */
	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Ends the auth-server session too, then comes back to the console's front page. */
	private OidcClientInitiatedLogoutSuccessHandler rpInitiatedLogout(ClientRegistrationRepository registrations) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		return handler;
	}

}

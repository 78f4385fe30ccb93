package dev.oauthplatform.admin.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every page needs a signed-in admin, except the stylesheet, the error page and the page that
 * says the session ended. CSRF protection stays on (session-stored tokens, forms only). Outside
 * the chain, before it: the request id filter of module tracing.
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

	/** Ends the auth-server session too, then comes back to the console's front page. */
	private OidcClientInitiatedLogoutSuccessHandler rpInitiatedLogout(ClientRegistrationRepository registrations) {
		OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		return handler;
	}

}

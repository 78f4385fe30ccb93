package dev.oauthplatform.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import dev.oauthplatform.auth.session.SessionValidity;
import dev.oauthplatform.auth.signin.FailedSignIn;
import dev.oauthplatform.auth.signout.AfterSignOut;

/** The pages end users see (sign-in, consent, sign-out, connected apps) and everything else that is not a protocol endpoint. */
@Configuration(proxyBeanMethods = false)
public class LoginConfig {

	@Bean
	@Order(2)
	SecurityFilterChain loginPages(HttpSecurity http, AuthenticationManager userAuthenticationManager,
			SessionValidity sessionValidity, IssuerProperties issuer) {
		AfterSignOut afterSignOut = new AfterSignOut();
		http.addFilterAfter(sessionValidity, SecurityContextHolderFilter.class)
			.headers(PageHeaders.forIssuer(issuer.issuer()))
			.sessionManagement((sessions) -> sessions.addSessionAuthenticationStrategy(sessionValidity))
			.authorizeHttpRequests((requests) -> requests
			// "/login" with any query: a custom failure handler leaves formLogin's permitAll without "/login?error"
			.requestMatchers("/actuator/**", "/error", "/request-refused", "/css/**",
					"/favicon.ico", "/signout", "/signed-out", "/login")
			.permitAll()
			.anyRequest()
			.authenticated())
			// said explicitly: Spring Security would otherwise build its own from the UserDetailsService bean
			.authenticationManager(userAuthenticationManager)
			// an authorization request may be a POST: its refusal is forwarded here, and changes nothing
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/request-refused"))
			.formLogin((form) -> form.loginPage("/login").failureHandler(new FailedSignIn()).permitAll())
			// POST, CSRF-checked; GET /signout is the confirmation page
			.logout((logout) -> logout.logoutUrl("/signout")
				.addLogoutHandler(afterSignOut)
				.logoutSuccessHandler(afterSignOut));
		return http.build();
	}

}

package dev.oauthplatform.auth.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import dev.oauthplatform.auth.session.SessionValidity;
import dev.oauthplatform.auth.signin.FailedSignIn;
import dev.oauthplatform.auth.signout.AfterSignOut;
import dev.oauthplatform.auth.user.AppUserDetailsService;
import dev.oauthplatform.auth.user.AppUserRepository;
import dev.oauthplatform.auth.user.LoginThrottle;
import dev.oauthplatform.auth.user.LoginThrottleProperties;
import dev.oauthplatform.auth.user.ThrottlingAuthenticationProvider;

/** The pages end users see (sign-in, consent, sign-out, connected apps) and everything else that is not a protocol endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginConfig {

	@Bean
	@Order(2)
	SecurityFilterChain loginPages(HttpSecurity http, AuthenticationManager userAuthenticationManager,
			SessionValidity sessionValidity, AuthProperties properties) {
		AfterSignOut afterSignOut = new AfterSignOut();
		http.addFilterAfter(sessionValidity, SecurityContextHolderFilter.class)
			.headers(PageHeaders.forIssuer(properties.issuer()))
			.sessionManagement((sessions) -> sessions.addSessionAuthenticationStrategy(sessionValidity))
			.authorizeHttpRequests((requests) -> requests
			// "/login" with any query: a custom failure handler leaves formLogin's permitAll without "/login?error"
			.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error", "/request-refused", "/css/**",
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

	/** Added to the page and protocol chains, not to the servlet container's own filters. */
	@Bean
	SessionValidity sessionValidity(AppUserRepository users) {
		return new SessionValidity(users);
	}

	@Bean
	FilterRegistrationBean<SessionValidity> sessionValidityOutsideSecurity(SessionValidity sessionValidity) {
		FilterRegistrationBean<SessionValidity> registration = new FilterRegistrationBean<>(sessionValidity);
		registration.setEnabled(false);
		return registration;
	}

	/** Users' passwords: a slow adaptive hash (bcrypt), unlike client secrets. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * One place that checks a user's password, for the login form and the password grant alike, so
	 * that both count towards (and are refused by) one throttle.
	 */
	@Bean
	AuthenticationManager userAuthenticationManager(AppUserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle));
	}

}

package dev.oauthplatform.auth.user;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.oauthplatform.auth.audit.AuditLog;

/** How users' passwords are stored and checked. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class PasswordsConfig {

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
			LoginThrottle throttle, AuditLog audit, SignInMetrics metrics) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle, audit, metrics));
	}

}

package dev.oauthplatform.auth.config;

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

import dev.oauthplatform.auth.user.AppUserDetailsService;

/** The sign-in form and everything that is not a protocol endpoint. */
@Configuration(proxyBeanMethods = false)
public class LoginConfig {

	@Bean
	@Order(2)
	SecurityFilterChain loginPages(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error", "/login").permitAll()
			.anyRequest().authenticated())
			.formLogin((form) -> {
			});
		return http.build();
	}

	/** Users' passwords: a slow adaptive hash (bcrypt), unlike client secrets. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** One place that checks a user's password, for the login form and the password grant alike. */
	@Bean
	AuthenticationManager userAuthenticationManager(AppUserDetailsService users, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(provider);
	}

}

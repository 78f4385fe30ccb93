package dev.oauthplatform.auth.session;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import dev.oauthplatform.auth.protocol.ProtocolHook;
import dev.oauthplatform.auth.user.AppUserRepository;

/** Session validity, checked in the page chain and the protocol chain, not by the servlet container. */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

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

	/** The authorization endpoint issues codes to the browser session: it must still stand. */
	@Bean
	ProtocolHook sessionValidityAtProtocolEndpoints(SessionValidity sessionValidity) {
		return new ProtocolHook() {
			@Override
			public void customize(HttpSecurity http) {
				http.addFilterAfter(sessionValidity, SecurityContextHolderFilter.class);
			}
		};
	}

}

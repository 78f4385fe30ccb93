package dev.oauthplatform.auth.session;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

import dev.oauthplatform.auth.protocol.ProtocolHook;
import dev.oauthplatform.auth.user.AppUserRepository;
import dev.oauthplatform.auth.user.UserSessions;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Browser sessions: kept by Spring Session in the database (SPRING_SESSION), so that every
 * instance serves them and a restart keeps them; their validity is checked in the page chain and
 * the protocol chain, not by the servlet container.
 */
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

	/** The session cookie, not read at the back channel (so server.servlet.session.cookie.* does not apply). */
	@Bean
	BackChannelSessionIds httpSessionIdResolver(AuthorizationServerSettings endpoints) {
		RequestMatcher backChannel = new OrRequestMatcher(pathPattern(endpoints.getTokenEndpoint()),
				pathPattern(endpoints.getTokenIntrospectionEndpoint()),
				pathPattern(endpoints.getTokenRevocationEndpoint()), pathPattern(endpoints.getJwkSetEndpoint()),
				pathPattern(endpoints.getDeviceAuthorizationEndpoint()),
				pathPattern(endpoints.getOidcUserInfoEndpoint()), pathPattern("/.well-known/**"));
		return new BackChannelSessionIds(backChannel);
	}

	/**
	 * Where the authorization server finds a user's sessions: for the {@code sid} it puts in an ID
	 * token, and by that {@code sid} at RP-initiated logout. Read from the session store, so a
	 * logout on one instance finds a session signed in on another; the framework's default, an
	 * in-memory registry, knows only its own instance's sessions (spring-authorization-server#2333).
	 */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	UserSessions userSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new StoredUserSessions(sessions);
	}

}

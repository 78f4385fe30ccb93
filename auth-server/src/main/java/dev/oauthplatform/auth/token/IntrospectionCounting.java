package dev.oauthplatform.auth.token;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;

/**
 * {@code oauth.introspections}: the introspection endpoint's answers, tagged {@code active} true or
 * false, as the caller was told (a token the caller may not see counts as inactive). A request
 * refused before an answer (client authentication) is not counted here.
 */
final class IntrospectionCounting implements AuthenticationProvider {

	private final AuthenticationProvider introspection;

	private final Counter active;

	private final Counter inactive;

	IntrospectionCounting(AuthenticationProvider introspection, MeterRegistry registry) {
		this.introspection = introspection;
		this.active = counter(registry, true);
		this.inactive = counter(registry, false);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication result = this.introspection.authenticate(authentication);
		if (result instanceof OAuth2TokenIntrospectionAuthenticationToken answer) {
			(answer.getTokenClaims().isActive() ? this.active : this.inactive).increment();
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.introspection.supports(authentication);
	}

	private static Counter counter(MeterRegistry registry, boolean active) {
		return Counter.builder("oauth.introspections")
			.description("Introspection answers, active or not")
			.tag("active", String.valueOf(active))
			.register(registry);
	}

}

package dev.oauthplatform.auth.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;

/**
 * Counts the access tokens the token endpoint issues: {@code oauth.tokens.issued}, tagged with the
 * grant type and the client id (registered by admins, so a bounded list). Every grant's provider
 * is wrapped; the counter of each grant and client is looked up once, not per token.
 */
@Component
class IssuedTokenCounting implements ProtocolHook {

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	IssuedTokenCounting(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public AuthenticationProvider tokenEndpointProvider(AuthenticationProvider provider) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication request) {
				Authentication result = provider.authenticate(request);
				if (result instanceof OAuth2AccessTokenAuthenticationToken issued
						&& request instanceof OAuth2AuthorizationGrantAuthenticationToken grant) {
					counter(grant.getGrantType().getValue(), issued.getRegisteredClient().getClientId()).increment();
				}
				return result;
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return provider.supports(authentication);
			}

		};
	}

	private Counter counter(String grantType, String clientId) {
		return this.counters.computeIfAbsent(grantType + ' ' + clientId,
				(key) -> Counter.builder("oauth.tokens.issued")
					.description("Access tokens issued by the token endpoint")
					.tag("grant_type", grantType)
					.tag("client_id", clientId)
					.register(this.registry));
	}

}

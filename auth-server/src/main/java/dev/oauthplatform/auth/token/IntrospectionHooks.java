package dev.oauthplatform.auth.token;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;

/** Introspection answers only who may know ({@link IntrospectionAccess}); answers are counted ({@link IntrospectionCounting}). */
@Component
class IntrospectionHooks implements ProtocolHook {

	private final MeterRegistry registry;

	IntrospectionHooks(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.tokenIntrospectionEndpoint((introspection) -> introspection
			.authenticationProviders((providers) -> providers.replaceAll(
					(provider) -> (provider instanceof OAuth2TokenIntrospectionAuthenticationProvider)
							? new IntrospectionCounting(new IntrospectionAccess(provider), this.registry) : provider)));
	}

}

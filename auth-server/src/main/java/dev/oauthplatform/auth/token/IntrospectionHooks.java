package dev.oauthplatform.auth.token;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;

/** Introspection answers only who may know ({@link IntrospectionAccess}). */
@Component
class IntrospectionHooks implements ProtocolHook {

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.tokenIntrospectionEndpoint((introspection) -> introspection
			.authenticationProviders((providers) -> providers.replaceAll(
					(provider) -> (provider instanceof OAuth2TokenIntrospectionAuthenticationProvider)
							? new IntrospectionAccess(provider) : provider)));
	}

}

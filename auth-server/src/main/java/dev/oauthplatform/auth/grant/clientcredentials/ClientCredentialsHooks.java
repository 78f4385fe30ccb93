package dev.oauthplatform.auth.grant.clientcredentials;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;

/** The client credentials grant: the framework's, with default scopes. */
@Component
class ClientCredentialsHooks implements ProtocolHook {

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.tokenEndpoint((token) -> token.accessTokenRequestConverter(new ClientCredentialsDefaultScopesConverter()));
	}

}

package dev.oauthplatform.auth.grant.refresh;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;
import dev.oauthplatform.auth.token.JpaOAuth2AuthorizationService;

/**
 * The refresh grant: the framework's, rotating (each client's token settings) and, before it,
 * reuse detection. Public clients present only their client_id here ({@code client/}).
 */
@Component
class RefreshGrantHooks implements ProtocolHook {

	private final JpaOAuth2AuthorizationService authorizations;

	RefreshGrantHooks(JpaOAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		// the only hook that sets the token endpoint's provider consumer (the framework keeps one)
		server.tokenEndpoint((token) -> token.authenticationProviders((providers) -> providers.replaceAll(
				(provider) -> (provider instanceof OAuth2RefreshTokenAuthenticationProvider)
						? new RefreshTokenReuseDetector(provider, this.authorizations) : provider)));
	}

}

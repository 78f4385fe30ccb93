package dev.oauthplatform.auth.signout;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.page.ErrorPage;
import dev.oauthplatform.auth.protocol.ProtocolHook;

/** OpenID Connect RP-initiated logout: our confirmation flow, and refusals on our error page. */
@Component
class SignOutHooks implements ProtocolHook {

	private final RegisteredClientRepository clients;

	SignOutHooks(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.oidc((oidc) -> oidc.logoutEndpoint((logout) -> logout
			.logoutResponseHandler(new RpInitiatedSignOut(this.clients))
			// answered here, not by an error dispatch: that would log the URL, id_token_hint included
			.errorResponseHandler((request, response, failure) -> ErrorPage.render(request, response,
					((OAuth2AuthenticationException) failure).getError()))));
	}

}

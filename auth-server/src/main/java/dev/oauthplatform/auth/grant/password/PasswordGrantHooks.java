package dev.oauthplatform.auth.grant.password;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;

/** The password grant at the token endpoint: its converter and provider. */
@Component
class PasswordGrantHooks implements ProtocolHook {

	private final AuthenticationManager users;

	private final OAuth2AuthorizationService authorizations;

	private final OAuth2TokenGenerator<OAuth2Token> tokenGenerator;

	/** @param users the one throttled check of users' passwords, the sign-in form's too */
	PasswordGrantHooks(AuthenticationManager users, OAuth2AuthorizationService authorizations,
			OAuth2TokenGenerator<OAuth2Token> tokenGenerator) {
		this.users = users;
		this.authorizations = authorizations;
		this.tokenGenerator = tokenGenerator;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.tokenEndpoint((token) -> token.accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
			.authenticationProvider(
					new PasswordGrantAuthenticationProvider(this.users, this.authorizations, this.tokenGenerator)));
	}

}

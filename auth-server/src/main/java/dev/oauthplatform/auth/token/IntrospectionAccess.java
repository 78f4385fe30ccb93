package dev.oauthplatform.auth.token;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.Assert;

/**
 * RFC 7662 §4: who may learn what about a token. A client introspects the tokens issued to itself;
 * tokens issued to other clients only if an admin marked it as a resource server (an API's own
 * client). Anyone else is told {@code active: false}, as for an unknown token: the answer must not
 * reveal that the token exists, let alone its subject and scopes.
 */
public final class IntrospectionAccess implements AuthenticationProvider {

	/** Client setting, written by the client store: may introspect tokens issued to other clients. */
	public static final String RESOURCE_SERVER_SETTING = "settings.client.resource-server";

	private final AuthenticationProvider introspection;

	public IntrospectionAccess(AuthenticationProvider introspection) {
		Assert.notNull(introspection, "introspection cannot be null");
		this.introspection = introspection;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication result = this.introspection.authenticate(authentication);
		if (!(result instanceof OAuth2TokenIntrospectionAuthenticationToken answer)
				|| !answer.getTokenClaims().isActive()
				|| !(answer.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller)
				|| mayIntrospect(caller, answer.getTokenClaims().getClientId())) {
			return result;
		}
		return new OAuth2TokenIntrospectionAuthenticationToken(answer.getToken(), caller,
				OAuth2TokenIntrospection.builder().build());
	}

	/** A public client never gets here (it cannot authenticate at introspection): refused all the same. */
	static boolean mayIntrospect(OAuth2ClientAuthenticationToken caller, String tokenClientId) {
		RegisteredClient client = caller.getRegisteredClient();
		if (client == null || ClientAuthenticationMethod.NONE.equals(caller.getClientAuthenticationMethod())) {
			return false;
		}
		return client.getClientId().equals(tokenClientId)
				|| Boolean.TRUE.equals(client.getClientSettings().getSetting(RESOURCE_SERVER_SETTING));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.introspection.supports(authentication);
	}

}

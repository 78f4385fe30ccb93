package dev.oauthplatform.auth.consent;

import java.util.Set;
import java.util.function.Predicate;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import dev.oauthplatform.auth.client.NativeApps;

/**
 * When the consent page is shown: always for a native app whose redirect cannot prove its identity
 * (RFC 8252 §8.6: first-party or consented before, the user confirms which app they are signing in
 * to); otherwise as the framework decides: for third-party clients, unless an earlier consent
 * covers every requested scope or only {@code openid} is asked for.
 */
public final class ConsentRequired implements Predicate<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	@Override
	public boolean test(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		RegisteredClient client = context.getRegisteredClient();
		if (NativeApps.identityUnassured(client, context.getAuthorizationRequest().getRedirectUri())) {
			return true;
		}
		if (!client.getClientSettings().isRequireAuthorizationConsent()) {
			return false;
		}
		Set<String> requested = context.getAuthorizationRequest().getScopes();
		if (requested.equals(Set.of(OidcScopes.OPENID))) {
			return false;
		}
		OAuth2AuthorizationConsent earlier = context.getAuthorizationConsent();
		return earlier == null || !earlier.getScopes().containsAll(requested);
	}

}

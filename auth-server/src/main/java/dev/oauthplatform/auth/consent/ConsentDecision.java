package dev.oauthplatform.auth.consent;

import java.util.Collection;
import java.util.function.Consumer;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;

/**
 * "Deny" on the consent page. The framework reads a consent with no scope ticked as a denial, but
 * adds back the scopes allowed before: a user who denies a request for one more scope would still
 * send the application the old ones. Emptying the consent makes it a denial (RFC 6749 §4.1.2.1:
 * {@code error=access_denied}); the framework then also forgets the earlier consent, so the
 * application asks again next time.
 */
public final class ConsentDecision implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

	static final String PARAMETER = "decision";

	static final String DENY = "deny";

	@Override
	public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
		OAuth2AuthorizationConsentAuthenticationToken submitted = context.getAuthentication();
		if (DENY.equals(submitted.getAdditionalParameters().get(PARAMETER))) {
			context.getAuthorizationConsent().authorities(Collection::clear);
		}
	}

}

package dev.oauthplatform.resource.token;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The token could not be checked because the issuer (discovery, JWKS or introspection) did not
 * answer: not the caller's fault, so a 503 rather than a 401 (and never a 500).
 */
final class IssuerUnavailableException extends OAuth2AuthenticationException {

	static final String ERROR_CODE = "temporarily_unavailable";

	IssuerUnavailableException(Throwable cause) {
		super(new OAuth2Error(ERROR_CODE, "The token issuer could not be reached; try again later", null), cause);
	}

}

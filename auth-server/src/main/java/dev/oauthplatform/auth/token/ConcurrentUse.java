package dev.oauthplatform.auth.token;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The refusal of the loser of two requests spending one code or refresh token at once:
 * {@code invalid_grant}, never a 500. Reuse detection tells it apart from a token presented
 * again after it was rotated out.
 */
public final class ConcurrentUse {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private static final String DESCRIPTION = "The grant was used by a concurrent request";

	private ConcurrentUse() {
	}

	/** Whether this refusal is the loser's of two requests spending one code or token at once. */
	public static boolean is(OAuth2AuthenticationException ex) {
		return DESCRIPTION.equals(ex.getError().getDescription());
	}

	static OAuth2AuthenticationException refusal() {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, DESCRIPTION, ERROR_URI));
	}

}

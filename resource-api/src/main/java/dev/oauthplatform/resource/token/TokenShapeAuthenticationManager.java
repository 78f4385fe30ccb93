package dev.oauthplatform.resource.token;

import com.nimbusds.jose.jwk.source.RateLimitReachedException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.util.Assert;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Picks the check by the token's shape: a JWT (compact JWS, dot-separated) is verified locally,
 * anything else is an opaque reference token for introspection. auth-server's reference tokens
 * are unpadded base64url, so they never contain a dot.
 */
public final class TokenShapeAuthenticationManager implements AuthenticationManager {

	private static final Log logger = LogFactory.getLog(TokenShapeAuthenticationManager.class);

	private final AuthenticationProvider jwt;

	private final AuthenticationProvider opaque;

	public TokenShapeAuthenticationManager(AuthenticationProvider jwt, AuthenticationProvider opaque) {
		Assert.notNull(jwt, "jwt cannot be null");
		Assert.notNull(opaque, "opaque cannot be null");
		this.jwt = jwt;
		this.opaque = opaque;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			return null;
		}
		try {
			return looksLikeJwt(bearer.getToken()) ? this.jwt.authenticate(bearer) : this.opaque.authenticate(bearer);
		}
		catch (AuthenticationServiceException | JwtDecoderInitializationException ex) {
			if (isUnknownKeyAgain(ex)) {
				throw new InvalidBearerTokenException("The token is signed with a key the issuer does not publish");
			}
			// the issuer's discovery, JWKS or introspection endpoint failed; messages carry no token
			logger.warn("Could not check a bearer token: " + ex.getMessage()
					+ ((ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : ""));
			throw new IssuerUnavailableException(ex);
		}
	}

	/**
	 * A token naming an unknown {@code kid} makes the key set be fetched again, at most once per
	 * {@code resource.jwks.refresh-min-interval}; within that interval the key set just fetched is
	 * the answer: the key is not the issuer's, so the token is invalid, not the issuer unreachable.
	 */
	private static boolean isUnknownKeyAgain(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RateLimitReachedException) {
				return true;
			}
		}
		return false;
	}

	static boolean looksLikeJwt(String token) {
		return token.indexOf('.') >= 0;
	}

}

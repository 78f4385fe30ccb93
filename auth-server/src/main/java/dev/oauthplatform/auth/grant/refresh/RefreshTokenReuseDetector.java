package dev.oauthplatform.auth.grant.refresh;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.util.Assert;

import dev.oauthplatform.auth.audit.AuditLog;
import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.token.ConcurrentUse;
import dev.oauthplatform.auth.token.JpaOAuth2AuthorizationService;

/**
 * RFC 9700 §4.14.2: a refresh token that was already rotated out has been copied by someone.
 * Presenting it again revokes the whole family, the attacker's and the legitimate client's tokens
 * alike, since the server cannot tell which of the two is presenting it. Each time is audited and
 * counted ({@code oauth.refresh_token.reuse_detected}).
 */
final class RefreshTokenReuseDetector implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokenReuseDetector.class);

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2";

	private final AuthenticationProvider refreshTokenProvider;

	private final JpaOAuth2AuthorizationService authorizations;

	private final AuditLog audit;

	private final Counter reuses;

	RefreshTokenReuseDetector(AuthenticationProvider refreshTokenProvider,
			JpaOAuth2AuthorizationService authorizations, AuditLog audit, Counter reuses) {
		Assert.notNull(refreshTokenProvider, "refreshTokenProvider cannot be null");
		Assert.notNull(authorizations, "authorizations cannot be null");
		Assert.notNull(audit, "audit cannot be null");
		Assert.notNull(reuses, "reuses cannot be null");
		this.refreshTokenProvider = refreshTokenProvider;
		this.authorizations = authorizations;
		this.audit = audit;
		this.reuses = reuses;
	}

	/**
	 * Checked only when the framework refuses the token: a rotated-out token is never found as a
	 * refresh token, so a refresh that succeeds pays nothing for the check. The loser of two
	 * concurrent refreshes with one token is told so by the save and is not taken for reuse; a
	 * request that looks the token up after the winner committed is, as it was when the check
	 * came first.
	 */
	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2RefreshTokenAuthenticationToken request = (OAuth2RefreshTokenAuthenticationToken) authentication;
		try {
			return this.refreshTokenProvider.authenticate(authentication);
		}
		catch (OAuth2AuthenticationException ex) {
			if (!OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())
					|| ConcurrentUse.is(ex)
					|| !this.authorizations.revokeFamilyOfRotatedRefreshToken(request.getRefreshToken())) {
				throw ex;
			}
		}
		logger.warn("A rotated-out refresh token was presented again: revoked every token of its grant");
		String clientId = ((Authentication) request.getPrincipal()).getName();
		this.audit.record(AuditType.REFRESH_TOKEN_REUSE_DETECTED, clientId, Map.of("client_id", clientId));
		this.reuses.increment();
		throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
				"The refresh token was already used; every token of this grant is now revoked", ERROR_URI));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

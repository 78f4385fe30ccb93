package dev.oauthplatform.resource.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.util.Assert;

/**
 * Introspects opaque tokens (RFC 7662) and keeps an active answer briefly: at most the configured
 * time and never past the token's {@code exp}. Inactive answers and failures are not kept, so a
 * token is never taken for active on the strength of an earlier "no". A revoked token may still
 * pass for up to that time: the price of not asking auth-server on every request. The audience is
 * checked on every use. Entries are keyed by the token's SHA-256, never by the token itself.
 */
final class CachingOpaqueTokenIntrospector implements OpaqueTokenIntrospector {

	private static final int MAXIMUM_ENTRIES = 10_000;

	private final OpaqueTokenIntrospector delegate;

	private final String audience;

	private final Clock clock;

	private final Cache<String, OAuth2AuthenticatedPrincipal> activeAnswers;

	CachingOpaqueTokenIntrospector(OpaqueTokenIntrospector delegate, String audience, Duration maxAge,
			Clock clock) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.hasText(audience, "audience cannot be empty");
		Assert.notNull(maxAge, "maxAge cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.delegate = delegate;
		this.audience = audience;
		this.clock = clock;
		this.activeAnswers = Caffeine.newBuilder()
			.maximumSize(MAXIMUM_ENTRIES)
			.expireAfter(Expiry.<String, OAuth2AuthenticatedPrincipal>creating(
					(key, principal) -> timeToKeep(principal, maxAge)))
			.build();
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		// the delegate throws for an inactive token: nothing is stored then
		OAuth2AuthenticatedPrincipal principal = this.activeAnswers.get(fingerprint(token),
				(key) -> this.delegate.introspect(token));
		Instant expiresAt = principal.getAttribute(OAuth2TokenIntrospectionClaimNames.EXP);
		if (expiresAt != null && !expiresAt.isAfter(this.clock.instant())) {
			throw new BadOpaqueTokenException("The token has expired");
		}
		Object sub = principal.getAttribute(OAuth2TokenIntrospectionClaimNames.SUB);
		if (!(sub instanceof String subject) || subject.isBlank()) {
			throw new BadOpaqueTokenException("The token names no subject");
		}
		Object aud = principal.getAttribute(OAuth2TokenIntrospectionClaimNames.AUD);
		if (!(aud instanceof Collection<?> audiences) || !audiences.contains(this.audience)) {
			throw new BadOpaqueTokenException("The token is not for this API (aud)");
		}
		return principal;
	}

	private Duration timeToKeep(OAuth2AuthenticatedPrincipal principal, Duration maxAge) {
		Instant expiresAt = principal.getAttribute(OAuth2TokenIntrospectionClaimNames.EXP);
		if (expiresAt == null) {
			return maxAge;
		}
		Duration untilExpiry = Duration.between(this.clock.instant(), expiresAt);
		return untilExpiry.isNegative() ? Duration.ZERO : (untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge);
	}

	private static String fingerprint(String token) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.oauthplatform.auth.token;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWK;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import dev.oauthplatform.auth.key.SigningKeys;

/**
 * Remembers the access tokens whose signature was verified, so a resource server introspecting the
 * same token again (every request it serves with it) costs a map lookup instead of parsing and an
 * ECDSA verification. A remembered token is checked again on every look-up against what may have
 * changed since: the key that signed it must still be published as this instance has the keys now
 * (an emergency rotation drops it everywhere within the change bound), and the validators run
 * again (expiry, type, issuer). Otherwise it goes through the full decoder, which answers as it
 * would have without this. Only tokens that verified are remembered, keyed by the whole token
 * (signature included), at most {@code maxSize}, none longer than an access token's lifetime.
 */
final class VerifiedAccessTokens {

	private final JwtDecoder decoder;

	private final SigningKeys keys;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Verified> verified;

	VerifiedAccessTokens(JwtDecoder decoder, SigningKeys keys, OAuth2TokenValidator<Jwt> validator, int maxSize,
			Duration lifetime) {
		this.decoder = decoder;
		this.keys = keys;
		this.validator = validator;
		this.verified = Caffeine.newBuilder().maximumSize(Math.max(maxSize, 0)).expireAfterWrite(lifetime).build();
	}

	/** The token's claims if it is one of ours, validly signed by a published key; a {@link JwtException} otherwise. */
	Jwt decode(String token) {
		Jwt known = remembered(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = this.decoder.decode(token);
		JWK key = publishedKey(jwt);
		if (key != null) {
			this.verified.put(token, new Verified(jwt, key));
		}
		return jwt;
	}

	/**
	 * The claims of a token verified before, <em>not checked again</em>: to tell what kind of
	 * token it is without parsing it, never to trust it ({@link #decode} does that).
	 */
	Map<String, Object> claimsSeenBefore(String token) {
		Verified known = this.verified.getIfPresent(token);
		return (known != null) ? known.jwt().getClaims() : null;
	}

	/** A token verified before and still valid now; null if it has to go through the decoder. */
	private Jwt remembered(String token) {
		Verified known = this.verified.getIfPresent(token);
		if (known == null) {
			return null;
		}
		if (known.key().equals(publishedKey(known.jwt())) && !this.validator.validate(known.jwt()).hasErrors()) {
			return known.jwt();
		}
		this.verified.invalidate(token);
		return null;
	}

	private JWK publishedKey(Jwt jwt) {
		Object kid = jwt.getHeaders().get("kid");
		return (kid instanceof String id) ? this.keys.published().getKeyByKeyId(id) : null;
	}

	/** Remembered entries, for tests. */
	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	private record Verified(Jwt jwt, JWK key) {
	}

}

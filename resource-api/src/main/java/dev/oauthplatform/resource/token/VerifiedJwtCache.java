package dev.oauthplatform.resource.token;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens whose signature was verified, so a client presenting the same token again
 * (every request until it expires) costs a map lookup instead of parsing and an ECDSA verification.
 * A remembered token is still checked on every request against what may have changed since:
 * <ul>
 * <li>the key that verified it must still be in the issuer's key set as this API has it now (the
 * same cached {@link JWKSource} the decoder uses: a key the issuer stops publishing is refused as
 * soon as the key set is read again, exactly as without this cache);</li>
 * <li>the claim validators run again ({@code exp}, {@code nbf} with the clock skew, and the rest).</li>
 * </ul>
 * Otherwise the entry is dropped and the token goes through the full decoder, which gives the same
 * answer, or the same error, as it would have without the cache. Only tokens that verified are
 * remembered (a flood of bad tokens pays the full check each time, as before), keyed by the whole
 * token (its signature included), at most {@code maxSize} of them, each for at most {@code ttl}.
 */
final class VerifiedJwtCache implements JwtDecoder {

	private final JwtDecoder decoder;

	private final JWKSource<SecurityContext> keys;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Verified> verified;

	VerifiedJwtCache(JwtDecoder decoder, JWKSource<SecurityContext> keys, OAuth2TokenValidator<Jwt> validator,
			int maxSize, Duration ttl) {
		this.decoder = decoder;
		this.keys = keys;
		this.validator = validator;
		this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Verified known = this.verified.getIfPresent(token);
		if (known != null) {
			if (stillTrusted(known)) {
				return known.jwt();
			}
			this.verified.invalidate(token);
		}
		Jwt jwt = this.decoder.decode(token);
		JWK key = onlyKeyNamed(jwt.getHeaders().get("kid"));
		if (key != null) {
			this.verified.put(token, new Verified(jwt, key));
		}
		return jwt;
	}

	private boolean stillTrusted(Verified known) {
		JWK key = onlyKeyNamed(known.key().getKeyID());
		return key != null && (key == known.key() || key.equals(known.key()))
				&& !this.validator.validate(known.jwt()).hasErrors();
	}

	/** The one key under this kid in the key set as cached now; null if none, several, or no answer. */
	private JWK onlyKeyNamed(Object kid) {
		if (!(kid instanceof String id)) {
			return null;
		}
		try {
			List<JWK> named = this.keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(id).build()), null);
			return (named.size() == 1) ? named.get(0) : null;
		}
		catch (KeySourceException | RuntimeException ex) {
			return null;
		}
	}

	/** Cached entries, for tests. */
	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	private record Verified(Jwt jwt, JWK key) {
	}

}

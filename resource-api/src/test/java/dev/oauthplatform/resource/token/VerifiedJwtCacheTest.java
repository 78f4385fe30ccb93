package dev.oauthplatform.resource.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cache of verified tokens answers a token seen before without verifying it again, but never
 * past what the full decoder would refuse: a key no longer in the key set, a key replaced under the
 * same kid, an expired token.
 */
class VerifiedJwtCacheTest {

	private final AtomicReference<JWKSet> published = new AtomicReference<>();

	private final JWKSource<SecurityContext> keys = (selector, context) -> selector.select(this.published.get());

	private final AtomicInteger fullDecodes = new AtomicInteger();

	private final MutableClock clock = new MutableClock(Instant.now());

	private final VerifiedJwtCache cache;

	VerifiedJwtCacheTest() {
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(this.keys).jwsAlgorithm(SignatureAlgorithm.ES256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(this.clock);
		nimbus.setJwtValidator(timestamps);
		JwtDecoder counting = (token) -> {
			this.fullDecodes.incrementAndGet();
			return nimbus.decode(token);
		};
		this.cache = new VerifiedJwtCache(counting, this.keys, timestamps, 100, Duration.ofMinutes(5));
	}

	@Test
	void aTokenSeenBeforeIsNotVerifiedAgain() throws Exception {
		ECKey key = publish("k1");
		String token = sign(key, this.clock.instant().plusSeconds(300));
		assertThat(this.cache.decode(token).getSubject()).isEqualTo("alice");
		assertThat(this.cache.decode(token).getSubject()).isEqualTo("alice");
		assertThat(this.cache.decode(token).getSubject()).isEqualTo("alice");
		assertThat(this.fullDecodes).hasValue(1);
		assertThat(this.cache.size()).isEqualTo(1);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItsKeyIsNoLongerPublished() throws Exception {
		ECKey key = publish("k1");
		String token = sign(key, this.clock.instant().plusSeconds(300));
		this.cache.decode(token);
		this.cache.decode(token);

		this.published.set(new JWKSet(List.of()));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.cache.decode(token));
		assertThat(this.fullDecodes).as("the full decoder gave the answer").hasValue(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void aRememberedTokenIsRefusedWhenItsKidNowNamesAnotherKey() throws Exception {
		ECKey key = publish("k1");
		String token = sign(key, this.clock.instant().plusSeconds(300));
		this.cache.decode(token);

		publish("k1");

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.cache.decode(token));
		assertThat(this.fullDecodes).hasValue(2);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
		ECKey key = publish("k1");
		String token = sign(key, this.clock.instant().plusSeconds(60));
		this.cache.decode(token);

		this.clock.advance(Duration.ofSeconds(61));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.cache.decode(token))
			.withMessageContaining("expired");
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void aTokenThatFailsIsNotRemembered() throws Exception {
		publish("k1");
		ECKey forged = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
		String token = sign(forged, this.clock.instant().plusSeconds(300));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.cache.decode(token));
		}
		assertThat(this.fullDecodes).hasValue(2);
		assertThat(this.cache.size()).isZero();
	}

	private ECKey publish(String kid) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		this.published.set(new JWKSet(List.<JWK>of(key.toPublicJWK())));
		return key;
	}

	private String sign(ECKey key, Instant expiresAt) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice")
			.issueTime(Date.from(this.clock.instant()))
			.expirationTime(Date.from(expiresAt))
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt")).build(),
				claims);
		jwt.sign(new ECDSASigner(key));
		return jwt.serialize();
	}

	private static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

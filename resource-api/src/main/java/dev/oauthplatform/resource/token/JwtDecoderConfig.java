package dev.oauthplatform.resource.token;

import java.net.MalformedURLException;
import java.time.Duration;
import java.util.Objects;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * JWT access tokens, verified locally. The issuer's keys are found lazily (the first token, not
 * start-up, needs auth-server), cached, and refetched when a token names an unknown {@code kid}:
 * a key rotation at auth-server needs no restart here. Only ES256 and RS256 verify, so
 * {@code alg: none} and HS256-with-the-public-key tricks fail. Signatures verify with the native
 * provider where it loads ({@link NativeCrypto}), and a token already verified is answered from
 * {@link VerifiedJwtCache} (its key and claims still checked on every request).
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfig {

	private static final Log logger = LogFactory.getLog(JwtDecoderConfig.class);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private static final int JWKS_SIZE_LIMIT = 256 * 1024;

	@Bean
	JwtDecoder jwtDecoder(TokenProperties properties) {
		logger.info("JCA provider for token signatures: " + NativeCrypto.installIfAvailable());
		IssuerDiscovery discovery = new IssuerDiscovery(restClient());
		return new SupplierJwtDecoder(() -> {
			JWKSource<SecurityContext> keys = keys(discovery, properties);
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
				.jwsAlgorithms((algorithms) -> {
					algorithms.add(SignatureAlgorithm.ES256);
					algorithms.add(SignatureAlgorithm.RS256);
				})
				.build();
			OAuth2TokenValidator<Jwt> validator = validator(properties);
			decoder.setJwtValidator(validator);
			TokenProperties.Jwks jwks = properties.jwks();
			if (jwks.verifiedTokenCacheSize() <= 0) {
				return decoder;
			}
			// a token seen before skips parsing and the signature, never the key and claim checks
			return new VerifiedJwtCache(decoder, keys, validator, jwks.verifiedTokenCacheSize(), jwks.cacheTtl());
		});
	}

	private static JWKSource<SecurityContext> keys(IssuerDiscovery discovery, TokenProperties properties) {
		TokenProperties.Jwks jwks = properties.jwks();
		DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) CONNECT_TIMEOUT.toMillis(),
				(int) READ_TIMEOUT.toMillis(), JWKS_SIZE_LIMIT);
		try {
			return JWKSourceBuilder.<SecurityContext>create(discovery.jwksUri(properties.issuer()).toURL(), retriever)
				.cache(jwks.cacheTtl().toMillis(), READ_TIMEOUT.toMillis() + CONNECT_TIMEOUT.toMillis())
				.refreshAheadCache(false)
				.rateLimited(jwks.refreshMinInterval().toMillis())
				.outageTolerant(jwks.outageTolerance().toMillis())
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("The issuer's jwks_uri is not a URL", ex);
		}
	}

	/** {@code typ: at+jwt}; {@code exp} required, {@code nbf} checked where present, both with the configured skew. */
	static OAuth2TokenValidator<Jwt> validator(TokenProperties properties) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		// RFC 9068 §4: an access token says so in its header, so an ID token is never taken for one
		JwtTypeValidator type = new JwtTypeValidator("at+jwt", "application/at+jwt");
		return new DelegatingOAuth2TokenValidator<>(type, timestamps, new JwtIssuerValidator(properties.issuer()),
				new JwtAudienceValidator(properties.audience()),
				new JwtClaimValidator<>(JwtClaimNames.SUB, (sub) -> sub instanceof String s && !s.isBlank()));
	}

	static RestClient restClient() {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(CONNECT_TIMEOUT);
		requests.setReadTimeout(READ_TIMEOUT);
		return RestClient.builder().requestFactory(Objects.requireNonNull(requests)).build();
	}

}

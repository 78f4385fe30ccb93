package dev.oauthplatform.resource.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * What this API trusts: one issuer, tokens for one audience. Bound from {@code resource.*}
 * ({@code RESOURCE_ISSUER}, {@code RESOURCE_AUDIENCE}, ...); the wiring reads the issuer and
 * audience for the protected resource metadata.
 *
 * @param issuer the {@code iss} of accepted tokens; its discovery document names the JWKS
 * @param audience this API's identifier, required in every token's {@code aud}
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
@ConfigurationProperties("resource")
public record TokenProperties(@DefaultValue("http://localhost:9000") String issuer,
		@DefaultValue("http://localhost:8081") String audience, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue Jwks jwks, @DefaultValue Introspection introspection) {

	/**
	 * @param cacheTtl how long fetched keys are used before the JWKS is read again
	 * @param refreshMinInterval an unknown {@code kid} refetches at most twice per interval
	 * @param outageTolerance while the issuer does not answer, the last keys fetched stay in use this long
	 * @param verifiedTokenCacheSize how many verified tokens are remembered (each at most {@code cacheTtl}),
	 * so a token presented again skips its signature check but not its key and claim checks; 0: none
	 */
	record Jwks(@DefaultValue("5m") Duration cacheTtl, @DefaultValue("30s") Duration refreshMinInterval,
			@DefaultValue("1h") Duration outageTolerance, @DefaultValue("10000") int verifiedTokenCacheSize) {
	}

	/**
	 * RFC 7662 introspection of opaque tokens; without client credentials, opaque tokens are refused.
	 */
	record Introspection(String uri, String clientId, String clientSecret,
			@DefaultValue("30s") Duration cacheTtl) {

		boolean enabled() {
			return StringUtils.hasText(this.uri) && StringUtils.hasText(this.clientId)
					&& StringUtils.hasText(this.clientSecret);
		}

	}

}

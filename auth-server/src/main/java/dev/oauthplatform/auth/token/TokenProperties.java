package dev.oauthplatform.auth.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token defaults ({@code auth.tokens.*}): a client's own settings override the lifetimes.
 *
 * @param defaultAudience the API a token is for when its client names none
 * @param purgeInterval how often expired grants are deleted
 * @param verifiedTokenCacheSize how many client_credentials JWTs introspection remembers as verified
 *        ({@code VerifiedAccessTokens}; 0 turns it off)
 */
@ConfigurationProperties("auth.tokens")
public record TokenProperties(String defaultAudience, Duration accessTokenTtl, Duration refreshTokenTtl,
		Duration codeTtl, Duration purgeInterval, int verifiedTokenCacheSize) {
}

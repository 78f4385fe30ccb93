package dev.oauthplatform.auth.key;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing key rotation, under {@code auth.keys.*}.
 *
 * @param jwksMaxAge how long a resource server may cache the JWKS ({@code Cache-Control: max-age}),
 * hence how long a new key is published before it signs
 * @param checkInterval how often each instance advances due rotations and re-reads the keys
 */
@ConfigurationProperties("auth.keys")
public record KeyProperties(@DefaultValue("5m") Duration jwksMaxAge, @DefaultValue("10s") Duration checkInterval) {

	/**
	 * Default wait between publishing a key and signing with it: every resource server's cached
	 * JWKS has expired by then, and every instance has re-read the keys and serves the new one.
	 */
	Duration defaultActivationDelay() {
		return this.jwksMaxAge.plus(this.checkInterval);
	}

}

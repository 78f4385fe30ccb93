package dev.oauthplatform.auth.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Everything an operator sets for auth-server, under {@code auth.*} in application.yml. */
@ConfigurationProperties("auth")
public record AuthProperties(String issuer, Path dataDir, Tokens tokens, Secrets secrets, Bootstrap bootstrap,
		@DefaultValue("false") boolean requireExplicitSecrets) {

	public record Tokens(String defaultAudience, Duration accessTokenTtl, Duration refreshTokenTtl, Duration codeTtl,
			Duration purgeInterval) {
	}

	/**
	 * @param keyEncryptionSecretPrevious during a rotation of the key encryption secret, the one
	 * rotated out: keys it encrypted still decrypt, and are re-encrypted with the new one at start-up
	 */
	public record Secrets(String clientSecretPepper, String keyEncryptionSecret, String keyEncryptionSecretPrevious) {

		/** Never the values: a record would print them wherever it is logged. */
		@Override
		public String toString() {
			return "Secrets[values redacted]";
		}

	}

	public record Bootstrap(String adminUsername, String adminPassword, String adminConsoleSecret,
			String adminConsoleRedirectUri, String adminConsolePostLogoutRedirectUri) {

		/** Never the passwords and secret: a record would print them wherever it is logged. */
		@Override
		public String toString() {
			return "Bootstrap[adminUsername=" + this.adminUsername + ", secrets redacted]";
		}

	}

}

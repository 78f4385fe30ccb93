package dev.oauthplatform.auth.secret;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's own secrets ({@code auth.secrets.*}), where generated ones are kept
 * ({@code auth.data-dir}), and whether they must be given explicitly ({@code prod}).
 */
@ConfigurationProperties("auth")
public record SecretProperties(Path dataDir, @DefaultValue("false") boolean requireExplicitSecrets,
		@DefaultValue Secrets secrets) {

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

}

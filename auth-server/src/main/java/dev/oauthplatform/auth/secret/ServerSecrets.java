package dev.oauthplatform.auth.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The server's secrets, each taken from the environment, or, outside production, generated once
 * and kept (mode 0600) under the data directory so that restarts keep working.
 */
@Component
@EnableConfigurationProperties(SecretProperties.class)
public final class ServerSecrets {

	private static final Logger logger = LoggerFactory.getLogger(ServerSecrets.class);

	private final SecretProperties properties;

	ServerSecrets(SecretProperties properties) {
		this.properties = properties;
	}

	/** The HMAC key of client secret hashes: a generated one outside production. */
	public String clientSecretPepper() {
		return resolve("AUTH_CLIENT_SECRET_PEPPER", this.properties.secrets().clientSecretPepper());
	}

	/** Encrypts signing keys at rest: empty outside production where unset (keys stored unencrypted). */
	public String keyEncryptionSecret() {
		return requiredInProduction("AUTH_KEY_ENCRYPTION_SECRET", this.properties.secrets().keyEncryptionSecret());
	}

	public String keyEncryptionSecretPrevious() {
		return this.properties.secrets().keyEncryptionSecretPrevious();
	}

	/** Production ({@code prod}): every secret and the first admin must be given, none is generated. */
	public boolean production() {
		return this.properties.requireExplicitSecrets();
	}

	private String resolve(String envName, String configured) {
		if (StringUtils.hasText(requiredInProduction(envName, configured))) {
			return configured;
		}
		Path file = this.properties.dataDir().resolve(envName.toLowerCase());
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			String generated = randomBase64Url(32);
			Files.createDirectories(file.getParent());
			Files.writeString(file, generated, StandardCharsets.UTF_8);
			restrictToOwner(file);
			logger.warn("{} is not set: generated one in {} (set it explicitly in production)", envName, file);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	/**
	 * The secret as configured, possibly empty outside production; in production (profile
	 * {@code prod}) one that is missing stops the start, with its name. The production check at
	 * start-up ({@code config/ProductionChecks}) refuses this earlier, with every other problem;
	 * this stays for {@code auth.require-explicit-secrets} set without the profile.
	 */
	private String requiredInProduction(String envName, String configured) {
		if (!StringUtils.hasText(configured) && production()) {
			throw new ProductionReadinessException(List.of(ProductionReadinessException.missingSecret(envName)));
		}
		return configured;
	}

	public static String randomBase64Url(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own permissions apply
		}
	}

}

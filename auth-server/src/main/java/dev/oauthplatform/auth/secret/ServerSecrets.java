package dev.oauthplatform.auth.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * A server secret taken from the environment, or, outside production, generated once and kept
 * (mode 0600) under the data directory so that restarts keep working.
 */
public final class GeneratedSecrets {

	private static final Logger logger = LoggerFactory.getLogger(GeneratedSecrets.class);

	private GeneratedSecrets() {
	}

	public static String resolve(AuthProperties properties, String envName, String configured) {
		if (StringUtils.hasText(requiredInProduction(properties, envName, configured))) {
			return configured;
		}
		Path file = properties.dataDir().resolve(envName.toLowerCase());
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
	 * {@code prod}) one that is missing stops the start, with its name.
	 */
	public static String requiredInProduction(AuthProperties properties, String envName, String configured) {
		if (!StringUtils.hasText(configured) && properties.requireExplicitSecrets()) {
			throw new MissingSecretException(envName);
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

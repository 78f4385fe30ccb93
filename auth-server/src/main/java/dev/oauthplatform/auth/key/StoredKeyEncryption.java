package dev.oauthplatform.auth.key;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.key.KeyEncryption.Opened;

/**
 * Brings every stored key to the current encryption at start-up: rows in an older format, rows
 * still under the previous secret of a rotation, and rows written before a secret was set. Done
 * here rather than in a Flyway migration because it needs the secrets, and because a rotation of
 * the secret needs it again long after the schema is current. Instances starting together write
 * the same thing (any ciphertext under the current secret), so the last write may win.
 */
@Service
class StoredKeyEncryption {

	private static final Logger logger = LoggerFactory.getLogger(StoredKeyEncryption.class);

	private final SigningKeyRepository keys;

	private final KeyEncryption encryption;

	StoredKeyEncryption(SigningKeyRepository keys, KeyEncryption encryption) {
		this.keys = keys;
		this.encryption = encryption;
	}

	@Transactional
	public void bringUpToDate() {
		if (!this.encryption.enabled()) {
			return;
		}
		if (this.encryption.passphrase()) {
			logger.warn("AUTH_KEY_ENCRYPTION_SECRET does not look like 256 random bits (hex, or mixed-case "
					+ "base64): treated as a passphrase (PBKDF2); prefer the output of `openssl rand -base64 32`");
		}
		int reencrypted = 0;
		for (SigningKey key : this.keys.findAll()) {
			Opened opened = openOrSkipRetired(key);
			if (opened != null && !opened.upToDate()) {
				this.keys.replaceJwk(key.getKid(), this.encryption.seal(key.getKid(), opened.jwk()));
				reencrypted++;
			}
		}
		if (reencrypted > 0) {
			logger.info("Re-encrypted {} stored signing keys with the current key encryption secret", reencrypted);
		}
	}

	/** A retired key no longer signs nor verifies: one that no secret opens must not stop the server. */
	private Opened openOrSkipRetired(SigningKey key) {
		try {
			return this.encryption.open(key);
		}
		catch (IllegalStateException ex) {
			if (key.getState() != SigningKey.State.RETIRED) {
				throw ex;
			}
			logger.warn("Retired signing key {} left as it is: {}", key.getKid(), ex.getMessage());
			return null;
		}
	}

}

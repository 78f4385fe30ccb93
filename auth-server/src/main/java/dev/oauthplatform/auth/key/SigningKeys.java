package dev.oauthplatform.auth.key;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import dev.oauthplatform.auth.config.AuthProperties;

/**
 * The key pairs in use, read from the database once and then kept in memory (signing a token
 * reads nothing). Created on first start; re-read every minute so that every instance sees a
 * rotation made by another.
 */
@Service
public class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	static final List<String> ALGORITHMS = List.of("ES256", "RS256");

	private final SigningKeyRepository keys;

	private final String encryptionSecret;

	private volatile JWKSet published = new JWKSet();

	private volatile JWKSet signing = new JWKSet();

	public SigningKeys(SigningKeyRepository keys, AuthProperties properties) {
		this.keys = keys;
		this.encryptionSecret = properties.secrets().keyEncryptionSecret();
	}

	/** Every key a resource server may meet: signing ones and those published ahead of a rotation. */
	public JWKSet published() {
		return this.published;
	}

	/** Exactly one key per algorithm: the one that signs new tokens. */
	public JWKSet signing() {
		return this.signing;
	}

	@Transactional
	public void createMissingKeys() {
		for (String algorithm : ALGORITHMS) {
			if (!this.keys.existsByAlgorithmAndState(algorithm, SigningKey.State.SIGNING)) {
				this.keys.save(toEntity(KeyGeneration.generate(algorithm), algorithm, SigningKey.State.SIGNING));
				logger.info("Created a new {} signing key", algorithm);
			}
		}
		reload();
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	@Transactional(readOnly = true)
	public void reload() {
		List<SigningKey> live = this.keys.findByStateNot(SigningKey.State.RETIRED);
		this.published = new JWKSet(live.stream().map(this::toJwk).toList());
		this.signing = new JWKSet(live.stream()
			.filter((key) -> key.getState() == SigningKey.State.SIGNING)
			.map(this::toJwk)
			.toList());
	}

	private SigningKey toEntity(JWK jwk, String algorithm, SigningKey.State state) {
		SigningKey key = new SigningKey();
		key.setKid(jwk.getKeyID());
		key.setAlgorithm(algorithm);
		key.setState(state);
		key.setEncrypted(StringUtils.hasText(this.encryptionSecret));
		key.setJwk(key.isEncrypted() ? encryptor(key.getKid()).encrypt(jwk.toJSONString()) : jwk.toJSONString());
		key.setCreatedAt(Instant.now());
		key.setActivatedAt((state == SigningKey.State.SIGNING) ? key.getCreatedAt() : null);
		return key;
	}

	private JWK toJwk(SigningKey key) {
		try {
			if (key.isEncrypted() && !StringUtils.hasText(this.encryptionSecret)) {
				throw new IllegalStateException("Signing key " + key.getKid()
						+ " is encrypted: set AUTH_KEY_ENCRYPTION_SECRET");
			}
			return JWK.parse(key.isEncrypted() ? encryptor(key.getKid()).decrypt(key.getJwk()) : key.getJwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key " + key.getKid() + " cannot be read", ex);
		}
	}

	/** AES-GCM with a key derived from the secret; the kid (hex) is the salt. */
	private TextEncryptor encryptor(String kid) {
		return Encryptors.delux(this.encryptionSecret, kid);
	}

}

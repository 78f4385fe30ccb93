package dev.oauthplatform.auth.key;

import java.text.ParseException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.cluster.ClusterEvents;
import dev.oauthplatform.auth.cluster.StartupLock;

/**
 * The key pairs in use, read from the database and kept in memory (signing a token reads
 * nothing). Created on first start; re-read on every instance as soon as a change to them is
 * announced ({@link #CHANGES}), and by {@link KeyRotation} every check interval whatever happens.
 */
@Service
public class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	public static final List<String> ALGORITHMS = List.of("ES256", "RS256");

	/** Announces that the keys changed ({@link ClusterEvents}): every instance re-reads them. */
	static final String CHANGES = "auth_keys_changed";

	private final SigningKeyRepository keys;

	private final KeyEncryption encryption;

	private volatile JWKSet published = new JWKSet();

	private volatile JWKSet signing = new JWKSet();

	/** How many keys of each state but RETIRED the last reload found. */
	private volatile Map<SigningKey.State, Long> live = Map.of();

	/** What the sets above were built from: re-reading an unchanged table parses no key. */
	private volatile String loadedFrom = "";

	private volatile Instant loadedAt = Instant.EPOCH;

	private final ClusterEvents cluster;

	private final StartupLock startupLock;

	public SigningKeys(SigningKeyRepository keys, KeyEncryption encryption, ClusterEvents cluster,
			StartupLock startupLock) {
		this.keys = keys;
		this.encryption = encryption;
		this.cluster = cluster;
		this.startupLock = startupLock;
	}

	/** Every key a resource server may meet: signing ones and those published ahead of a rotation. */
	public JWKSet published() {
		return this.published;
	}

	/**
	 * Whether a JWT's signing key is still published. A token we issued whose key was retired
	 * (dropped in an emergency rotation) must not count as valid here while resource servers
	 * reject it. A kid not seen yet may be a key another instance just activated: re-read first.
	 */
	public boolean isPublished(String jwt) {
		String kid = kid(jwt);
		if (kid == null) {
			return false;
		}
		if (this.published.getKeyByKeyId(kid) == null && this.loadedAt.isBefore(Instant.now().minusSeconds(1))) {
			reload();
		}
		return this.published.getKeyByKeyId(kid) != null;
	}

	/** Exactly one key per algorithm: the one that signs new tokens. */
	public JWKSet signing() {
		return this.signing;
	}

	/** Keys in this state, as last read (RETIRED ones are not read: always 0). */
	long count(SigningKey.State state) {
		return this.live.getOrDefault(state, 0L);
	}

	/** Under the start-up lock: instances started together on an empty database create one key each, not one each. */
	@Transactional
	public void createMissingKeys() {
		this.startupLock.holdUntilTransactionEnds();
		for (String algorithm : ALGORITHMS) {
			if (!this.keys.existsByAlgorithmAndState(algorithm, SigningKey.State.SIGNING)) {
				this.keys.save(newKey(algorithm, SigningKey.State.SIGNING, null));
				logger.info("Created a new {} signing key", algorithm);
				announceChange();
			}
		}
		reload();
	}

	/** In the changing transaction: every instance re-reads the keys once it commits. */
	void announceChange() {
		this.cluster.publish(CHANGES, "keys");
	}

	/**
	 * Synchronized: the change listener, the scheduler and requests all reload, and a reload that
	 * read the table before an emergency rotation must not put its keys back after one that read it after.
	 */
	@Transactional(readOnly = true)
	public synchronized void reload() {
		List<SigningKey> live = this.keys.findByStateNot(SigningKey.State.RETIRED);
		String fingerprint = live.stream()
			.map((key) -> key.getKid() + ":" + key.getState() + ":" + key.getActivatedAt())
			.sorted()
			.collect(Collectors.joining(","));
		if (!fingerprint.equals(this.loadedFrom)) {
			this.published = new JWKSet(live.stream().map(this::toJwk).toList());
			this.signing = new JWKSet(newestSigning(live).stream().map(this::toJwk).toList());
			this.live = live.stream().collect(Collectors.groupingBy(SigningKey::getState, Collectors.counting()));
			this.loadedFrom = fingerprint;
		}
		this.loadedAt = Instant.now();
	}

	/**
	 * One signing key per algorithm, even when two instances' rotations briefly overlap: the one
	 * activated last wins, as it will on every instance.
	 */
	private static List<SigningKey> newestSigning(List<SigningKey> live) {
		Map<String, SigningKey> byAlgorithm = live.stream()
			.filter((key) -> key.getState() == SigningKey.State.SIGNING)
			.collect(Collectors.toMap(SigningKey::getAlgorithm, (key) -> key, BinaryOperator.maxBy(
					Comparator.comparing(SigningKey::getActivatedAt).thenComparing(SigningKey::getKid))));
		return List.copyOf(byAlgorithm.values());
	}

	/** A freshly generated key pair, not saved yet; the private part encrypted where configured. */
	SigningKey newKey(String algorithm, SigningKey.State state, Instant activateAt) {
		JWK jwk = KeyGeneration.generate(algorithm);
		SigningKey key = new SigningKey();
		key.setKid(jwk.getKeyID());
		key.setAlgorithm(algorithm);
		key.setState(state);
		key.setEncrypted(this.encryption.enabled());
		key.setJwk(this.encryption.seal(key.getKid(), jwk.toJSONString()));
		key.setCreatedAt(Instant.now());
		key.setActivateAt(activateAt);
		key.setActivatedAt((state == SigningKey.State.SIGNING) ? key.getCreatedAt() : null);
		return key;
	}

	private static String kid(String jwt) {
		int dot = jwt.indexOf('.');
		try {
			return (dot > 0) ? JWSHeader.parse(new Base64URL(jwt.substring(0, dot))).getKeyID() : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private JWK toJwk(SigningKey key) {
		try {
			return JWK.parse(this.encryption.open(key).jwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key " + key.getKid() + " cannot be read", ex);
		}
	}

}

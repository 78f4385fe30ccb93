package dev.oauthplatform.auth.key;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.cluster.ChangeSubscriber;
import dev.oauthplatform.auth.cluster.ClusterEvents;
import dev.oauthplatform.auth.key.SigningKey.State;

/**
 * Rotates signing keys in stages, so that no resource server meets a kid it has not cached: a
 * new key is published first and signs only after the JWKS caches have expired; the key it
 * replaces stays published until the longest-lived token it signed has expired. An emergency
 * rotation (a leaked key) skips both waits: tokens the old key signed stop verifying at once.
 * The database is the only coordinator: every instance runs {@link #advance()}, and each step is
 * a conditional update that only one of them carries out (the other blocks on the row, then finds
 * nothing left to update), so it takes no scheduler lock: it must run everywhere anyway, since it
 * is also how an instance that missed an announcement ({@link SigningKeys#CHANGES}) catches up.
 */
@Service
public class KeyRotation {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotation.class);

	/** The framework's id token lifetime (JwtGenerator), which no client setting changes. */
	static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);

	/** Resource servers commonly accept this much clock skew past {@code exp}. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final SigningKeyRepository repository;

	private final SigningKeys keys;

	private final KeyProperties properties;

	private final EntityManager entityManager;

	private final TransactionTemplate transaction;

	KeyRotation(SigningKeyRepository repository, SigningKeys keys, KeyProperties properties,
			EntityManager entityManager, PlatformTransactionManager transactionManager, ClusterEvents cluster) {
		this.repository = repository;
		this.keys = keys;
		this.properties = properties;
		this.entityManager = entityManager;
		this.transaction = new TransactionTemplate(transactionManager);
		// a rotation on one instance shows in every instance's JWKS at once
		cluster.subscribe(SigningKeys.CHANGES, ChangeSubscriber.reloadingAll(keys::reload));
	}

	/** Newest first within each algorithm, retired ones included. */
	public List<SigningKey> list() {
		return this.repository.findAllByOrderByAlgorithmAscCreatedAtDesc();
	}

	/**
	 * @param activateAfter how long the new key is only published; null for the default (JWKS
	 * cache lifetime plus one check interval); ignored for an emergency rotation
	 * @return the new keys
	 */
	public List<SigningKey> rotate(List<String> algorithms, boolean emergency, Duration activateAfter) {
		Duration delay = (activateAfter != null) ? activateAfter : this.properties.defaultActivationDelay();
		List<SigningKey> created = this.transaction.execute((status) -> {
			List<SigningKey> keys = new ArrayList<>();
			for (String algorithm : algorithms) {
				keys.add(emergency ? replaceAtOnce(algorithm) : publish(algorithm, Instant.now().plus(delay)));
			}
			this.keys.announceChange();
			return keys;
		});
		this.keys.reload();
		return created;
	}

	private SigningKey publish(String algorithm, Instant activateAt) {
		if (this.repository.existsByAlgorithmAndState(algorithm, State.PUBLISHED)) {
			throw new RotationInProgressException(algorithm);
		}
		SigningKey key = this.repository.save(this.keys.newKey(algorithm, State.PUBLISHED, activateAt));
		logger.info("Published new {} key {}: signs from {}", algorithm, key.getKid(), activateAt);
		return key;
	}

	private SigningKey replaceAtOnce(String algorithm) {
		SigningKey key = this.repository.save(this.keys.newKey(algorithm, State.SIGNING, null));
		int retired = this.repository.retireAllOthers(algorithm, key.getKid(), Instant.now());
		logger.warn("Emergency rotation: new {} key {} signs now; {} previous keys retired, "
				+ "their tokens no longer verify", algorithm, key.getKid(), retired);
		return key;
	}

	/**
	 * Promotes the published keys that are due, retires the keys whose last token has expired,
	 * and re-reads the keys (which is also how this instance learns of another's rotation).
	 */
	@Scheduled(fixedDelayString = "${auth.keys.check-interval:10s}",
			initialDelayString = "${auth.keys.check-interval:10s}")
	public void advance() {
		this.transaction.executeWithoutResult((status) -> {
			Instant now = Instant.now();
			boolean changed = false;
			for (SigningKey due : this.repository.findByStateAndActivateAtLessThanEqualOrderByActivateAtAsc(
					State.PUBLISHED, now)) {
				changed |= activate(due, now);
			}
			int retired = this.repository.retireDue(now);
			if (retired > 0) {
				logger.info("Retired {} signing keys whose tokens have all expired", retired);
			}
			if (changed || retired > 0) {
				this.keys.announceChange();
			}
		});
		this.keys.reload();
	}

	/** Only the instance whose update promoted the key demotes its predecessor. */
	private boolean activate(SigningKey key, Instant now) {
		if (!this.repository.activate(key.getKid(), now)) {
			return false;
		}
		Instant retireAt = now.plus(longestTokenLifetime());
		this.repository.stopSigning(key.getAlgorithm(), key.getKid(), retireAt);
		logger.info("{} key {} signs now; the previous one stays published until {}", key.getAlgorithm(),
				key.getKid(), retireAt);
		return true;
	}

	/**
	 * How long a key must stay published after it stopped signing: the longest token it can have
	 * signed (any client's access token, or an id token), plus clock skew, plus one check interval
	 * (other instances keep signing with it until their next check).
	 */
	Duration longestTokenLifetime() {
		Long longestAccessToken = this.entityManager
			.createQuery("select max(c.accessTokenTtlSeconds) from OAuthClient c", Long.class)
			.getSingleResult();
		Duration longest = (longestAccessToken != null) ? Duration.ofSeconds(longestAccessToken) : Duration.ZERO;
		if (longest.compareTo(ID_TOKEN_TTL) < 0) {
			longest = ID_TOKEN_TTL;
		}
		return longest.plus(CLOCK_SKEW).plus(this.properties.checkInterval());
	}

}

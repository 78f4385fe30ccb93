package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.oauthplatform.auth.cluster.ChangeSubscriber;
import dev.oauthplatform.auth.cluster.ClusterEvents;

/**
 * The deny list of revoked stateless access tokens ({@code revoked_jti}), answered from memory:
 * introspecting a client_credentials JWT then needs no database round trip. The table stays the
 * record; memory is a complete copy of its live rows, trusted only while that is sure:
 * <ul>
 * <li>every revocation is added once it commits, here, and announced to the other instances
 * ({@link ClusterEvents}, its {@code jti} and expiry as the payload);</li>
 * <li>the copy is (re)read from the table at first use and whenever announcements may have been
 * missed (the listening connection was lost or made again);</li>
 * <li>while this instance may be missing announcements (PostgreSQL and not listening), or the
 * copy could not be read, each question goes to the table, as it did before this list.</li>
 * </ul>
 * Entries are never removed before their token expires (a revocation is never undone), so a
 * re-read merging into the copy cannot lose one heard meanwhile.
 */
@Component
class RevokedTokenIds {

	static final String CHANGES = "auth_jti_revoked";

	private final EntityManager entityManager;

	private final ClusterEvents cluster;

	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	private volatile boolean complete;

	RevokedTokenIds(EntityManager entityManager, ClusterEvents cluster) {
		this.entityManager = entityManager;
		this.cluster = cluster;
		cluster.subscribe(CHANGES, ChangeSubscriber.of(this::heard, this::reread));
	}

	boolean isRevoked(String jti) {
		if (this.cluster.hearsEveryChange() && (this.complete || reread())) {
			return this.revoked.containsKey(jti);
		}
		return this.entityManager.find(RevokedJti.class, jti) != null;
	}

	/** In the caller's transaction: the row, the announcement, and this instance's copy once it commits. */
	void revoke(String jti, Instant expiresAt) {
		if (this.entityManager.find(RevokedJti.class, jti) != null) {
			return;
		}
		this.entityManager.persist(new RevokedJti(jti, expiresAt));
		this.cluster.publish(CHANGES, jti + " " + expiresAt.getEpochSecond());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				RevokedTokenIds.this.revoked.put(jti, expiresAt);
			}
		});
	}

	int purgeExpired(Instant now) {
		this.revoked.values().removeIf((expiresAt) -> expiresAt.isBefore(now));
		return this.entityManager.createQuery("delete from RevokedJti r where r.expiresAt < :now")
			.setParameter("now", now)
			.executeUpdate();
	}

	private void heard(String payload) {
		String[] parts = payload.split(" ");
		if (parts.length == 2) {
			this.revoked.put(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])));
		}
		else {
			reread();
		}
	}

	/** Merges the table's live rows into the copy; false (and the table asked each time) if it cannot be read now. */
	private synchronized boolean reread() {
		this.complete = false;
		try {
			List<RevokedJti> rows = this.entityManager
				.createQuery("select r from RevokedJti r where r.expiresAt >= :now", RevokedJti.class)
				.setParameter("now", Instant.now())
				.getResultList();
			rows.forEach((row) -> this.revoked.put(row.jti, row.expiresAt));
			this.complete = true;
		}
		catch (RuntimeException ex) {
			// the database is unreachable: isRevoked asks the table, and fails as any request would
		}
		return this.complete;
	}

}

package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Autowired;
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
 * re-read merging into the copy cannot lose one heard meanwhile. The copy holds at most
 * {@value #MOST_REMEMBERED} tokens (~8 MiB): a client revoking its own tokens by the million must
 * not exhaust the heap; past that, the table answers until the purge has shrunk it.
 */
@Component
class RevokedTokenIds {

	static final String CHANGES = "auth_jti_revoked";

	static final int MOST_REMEMBERED = 50_000;

	private final EntityManager entityManager;

	private final ClusterEvents cluster;

	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	private final CopyCompleteness completeness = new CopyCompleteness();

	/** One re-read at a time; requests that find one running ask the table instead of queueing. */
	private final ReentrantLock rereading = new ReentrantLock();

	private final int mostRemembered;

	@Autowired
	RevokedTokenIds(EntityManager entityManager, ClusterEvents cluster) {
		this(entityManager, cluster, MOST_REMEMBERED);
		cluster.subscribe(CHANGES, ChangeSubscriber.of(this::heard, this::missedChanges));
	}

	/** Not subscribed: hears this instance's revocations only (tests). */
	RevokedTokenIds(EntityManager entityManager, ClusterEvents cluster, int mostRemembered) {
		this.entityManager = entityManager;
		this.cluster = cluster;
		this.mostRemembered = mostRemembered;
	}

	boolean isRevoked(String jti) {
		if (this.cluster.hearsEveryChange() && trusted()) {
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
				remember(jti, expiresAt);
			}
		});
	}

	int purgeExpired(Instant now) {
		forgetExpired(now);
		return this.entityManager.createQuery("delete from RevokedJti r where r.expiresAt < :now")
			.setParameter("now", now)
			.executeUpdate();
	}

	private void heard(String payload) {
		String[] parts = payload.split(" ");
		try {
			remember(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])));
		}
		catch (RuntimeException ex) {
			missedChanges();
		}
	}

	/** The listener (re)connected, or lost its connection: whatever it missed is read from the table. */
	private void missedChanges() {
		this.completeness.lost();
		this.rereading.lock();
		try {
			reread();
		}
		finally {
			this.rereading.unlock();
		}
	}

	private boolean trusted() {
		if (this.completeness.complete()) {
			return true;
		}
		if (!this.completeness.rereadDue() || !this.rereading.tryLock()) {
			return false;
		}
		try {
			return this.completeness.complete() || reread();
		}
		finally {
			this.rereading.unlock();
		}
	}

	private void remember(String jti, Instant expiresAt) {
		if (this.revoked.size() >= this.mostRemembered && !this.revoked.containsKey(jti)) {
			forgetExpired(Instant.now()); // every instance prunes, not only the one running the purge
		}
		if (this.revoked.size() < this.mostRemembered || this.revoked.containsKey(jti)) {
			this.revoked.put(jti, expiresAt);
		}
		else {
			this.completeness.lostForAWhile();
		}
	}

	/**
	 * Merges the table's live rows into the copy; false (and the table asked each time for a
	 * while) if it cannot be read now or holds more than the copy may. Complete only if nothing
	 * made it incomplete meanwhile: a revocation dropped at the bound, announcements missed.
	 */
	private boolean reread() {
		long started = this.completeness.generation();
		try {
			Instant now = Instant.now();
			forgetExpired(now);
			// one row more than fits tells that the table holds too many, without counting them first
			List<Object[]> live = this.entityManager
				.createQuery("select r.jti, r.expiresAt from RevokedJti r where r.expiresAt >= :now", Object[].class)
				.setParameter("now", now)
				.setMaxResults(this.mostRemembered + 1)
				.getResultList();
			if (live.size() > this.mostRemembered) {
				this.completeness.lostForAWhile();
				return false;
			}
			live.forEach((row) -> this.revoked.put((String) row[0], (Instant) row[1]));
		}
		catch (RuntimeException ex) {
			// the database is unreachable: isRevoked asks the table, and fails as any request would
			this.completeness.lostForAWhile();
			return false;
		}
		return this.completeness.completeUnlessLostSince(started, () -> this.revoked.size() <= this.mostRemembered);
	}

	private void forgetExpired(Instant now) {
		this.revoked.values().removeIf((expiresAt) -> expiresAt.isBefore(now));
	}

	/** Tokens in the copy, and whether it is trusted now: for tests. */
	int remembered() {
		return trusted() ? this.revoked.size() : -1;
	}

}

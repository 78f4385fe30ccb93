package dev.oauthplatform.auth.token;

import java.time.Duration;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.persistence.DatabaseUnreachable;

/**
 * Decides whether a save whose commit was not acknowledged happened after all. A database
 * restarting cuts connections, and one cut just after it committed reports the commit as failed:
 * answered 503, the client would retry with the refresh token (or code) it still holds, already
 * rotated out, and reuse detection would revoke a grant nobody stole. So the request waits, a
 * bounded time, for the database to say whether the save's new token is stored: if it is, the
 * client gets its tokens; if not, nothing was written and the 503 stands.
 */
@Component
class UnacknowledgedCommits {

	private static final Logger logger = LoggerFactory.getLogger(UnacknowledgedCommits.class);

	/**
	 * No attempt starts after this; one started just before may wait the pool's connection
	 * timeout (3 s): about 10 s in all. A restart's length here is 1 to 3 s.
	 */
	static final Duration PATIENCE = Duration.ofSeconds(7);

	private static final long PAUSE_MILLIS = 250;

	private final EntityManager entityManager;

	private final TransactionTemplate reads;

	UnacknowledgedCommits(EntityManager entityManager, PlatformTransactionManager transactionManager) {
		this.entityManager = entityManager;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
	}

	/**
	 * Whether the token only the unacknowledged save could have written is stored. False when the
	 * database stays out of reach past {@link #PATIENCE}: the outcome is then unknown, and a 503
	 * is all the server can say. (A commit still running in the database after its connection was
	 * cut may also land after the answer "not stored": the client's retry then meets reuse
	 * detection, as it did before this check existed.)
	 */
	boolean committed(String newTokenHash) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			try {
				boolean stored = Boolean.TRUE.equals(this.reads.execute((status) -> isStored(newTokenHash)));
				logger.warn("A save's commit was not acknowledged (the database connection was lost); it {}",
						stored ? "was committed: the client gets its tokens" : "was not committed");
				return stored;
			}
			catch (RuntimeException ex) {
				if (!DatabaseUnreachable.is(ex) || System.nanoTime() > deadline || !pause()) {
					logger.warn("A save's commit was not acknowledged and the database did not answer within {}: "
							+ "its outcome is unknown", PATIENCE);
					return false;
				}
			}
		}
	}

	private boolean isStored(String tokenHash) {
		return !this.entityManager.createQuery("select t.tokenHash from IssuedToken t where t.tokenHash = :hash")
			.setParameter("hash", tokenHash)
			.getResultList()
			.isEmpty();
	}

	private static boolean pause() {
		try {
			Thread.sleep(PAUSE_MILLIS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

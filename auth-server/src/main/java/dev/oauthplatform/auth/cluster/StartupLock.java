package dev.oauthplatform.auth.cluster;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises first-start work across instances started together on an empty database: whoever
 * holds the lock creates the admin, the built-in clients and the signing keys; the others wait,
 * then find them. A row lock ({@code SELECT ... FOR UPDATE} on the one row of
 * {@code startup_lock}), so that it works alike on PostgreSQL and H2 and ends with the
 * transaction, even when the instance holding it dies.
 */
@Component
public class StartupLock {

	private final JdbcTemplate jdbc;

	StartupLock(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for the lock, which is then held until the current transaction ends. */
	public void holdUntilTransactionEnds() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The start-up lock is held by a transaction: start one first");
		}
		this.jdbc.queryForObject("select id from startup_lock where id = 1 for update", Integer.class);
	}

}

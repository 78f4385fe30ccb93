package dev.oauthplatform.auth.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (down, restarting, failing over, the pool waiting in
 * vain for a connection) from every other failure: the first is the outage a client should retry
 * after (503), the others are bugs (500). The one place that decides it.
 */
public final class DatabaseUnreachable {

	private DatabaseUnreachable() {
	}

	/** Whether the failure, or any of its causes, is the database being out of reach. */
	public static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && lostConnection(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08 (connection exception) and 57P (the server shutting down or terminating
	 * the session: a restart, a failover, {@code pg_terminate_backend}).
	 */
	private static boolean lostConnection(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

}

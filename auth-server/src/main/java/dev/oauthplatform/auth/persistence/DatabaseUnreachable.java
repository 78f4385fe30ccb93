package dev.oauthplatform.auth.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (down, restarting, failing over, the pool waiting in
 * vain for a connection) from every other failure: the first is the outage a client should retry
 * after (503), the others are bugs (500). The one place that decides it.
 */
public final class DatabaseUnreachable {

	private static final String HIKARI_CLOSED_PROXY = "Connection is closed";

	private DatabaseUnreachable() {
	}

	/**
	 * Whether the failure, or anything behind it, is the database being out of reach: its causes,
	 * what it suppressed and a SQL exception's chained ones. A rollback that fails on a connection
	 * the restarting server terminated hides the termination (57P01) there, not in the cause.
	 */
	public static boolean is(Throwable failure) {
		Deque<Throwable> pending = new ArrayDeque<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		pending.add(failure);
		while (!pending.isEmpty()) {
			Throwable next = pending.poll();
			if (!seen.add(next)) {
				continue;
			}
			if (outOfReach(next)) {
				return true;
			}
			behind(next).filter(Objects::nonNull).forEach(pending::add);
		}
		return false;
	}

	private static Stream<Throwable> behind(Throwable failure) {
		Throwable chained = (failure instanceof SQLException sql) ? sql.getNextException() : null;
		return Stream.concat(Stream.of(failure.getCause(), chained), Stream.of(failure.getSuppressed()));
	}

	private static boolean outOfReach(Throwable failure) {
		return failure instanceof DataAccessResourceFailureException
				|| failure instanceof CannotCreateTransactionException || failure instanceof JDBCConnectionException
				|| failure instanceof SQLTransientConnectionException
				|| (failure instanceof SQLException sql
						&& (lostConnection(sql.getSQLState()) || closedByThePool(sql)));
	}

	/**
	 * HikariCP closes its proxy of a connection it found broken, and says so without a SQLSTATE:
	 * a rollback after a restart of the server fails with it, and the transaction template then
	 * throws that instead of the failure that caused the rollback (which it only logs).
	 */
	private static boolean closedByThePool(SQLException failure) {
		return failure.getSQLState() == null && HIKARI_CLOSED_PROXY.equals(failure.getMessage());
	}

	/**
	 * SQLSTATE class 08 (connection exception) and 57P (the server shutting down or terminating
	 * the session: a restart, a failover, {@code pg_terminate_backend}).
	 */
	private static boolean lostConnection(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

}

package dev.oauthplatform.auth.persistence;

import java.sql.SQLException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are an outage (503) and which are bugs (500). */
class DatabaseUnreachableTest {

	@Test
	void aRollbackFailingOnAConnectionTheRestartingServerTerminatedIsAnOutage() {
		// as seen when PostgreSQL restarts under load: the termination is suppressed by the rollback's failure
		TransactionException rollback = new TransactionException("Unable to rollback against JDBC Connection");
		rollback.addSuppressed(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
		assertThat(DatabaseUnreachable.is(new JpaSystemException(rollback))).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThePoolClosedIsAnOutage() {
		// seen in the cluster test restarting PostgreSQL under a refresh: HikariCP's closed proxy, no SQLSTATE
		TransactionException rollback = new TransactionException("Unable to rollback against JDBC Connection",
				new SQLException("Connection is closed"));
		assertThat(DatabaseUnreachable.is(new JpaSystemException(rollback))).isTrue();
	}

	@Test
	void aConnectionFailureChainedBehindAnotherSqlExceptionIsAnOutage() {
		SQLException batch = new SQLException("Batch entry 0 was aborted", "XX000");
		batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));
		assertThat(DatabaseUnreachable.is(new JpaSystemException(new RuntimeException(batch)))).isTrue();
	}

	@Test
	void aConstraintViolationIsNotAnOutage() {
		SQLException duplicate = new SQLException("duplicate key value", "23505");
		assertThat(DatabaseUnreachable.is(new DataIntegrityViolationException("dup", duplicate))).isFalse();
		assertThat(DatabaseUnreachable.is(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnreachable.is(new SQLException("Connection is closed", "42000"))).isFalse();
	}

}

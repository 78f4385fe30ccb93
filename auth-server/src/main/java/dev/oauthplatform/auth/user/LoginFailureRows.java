package dev.oauthplatform.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import dev.oauthplatform.auth.persistence.Timestamps;

/**
 * The {@code login_failure} table: one row per throttle key, read under a row lock to be changed;
 * and {@code known_sign_in}: where each username last signed in successfully.
 */
@Component
final class LoginFailureRows {

	private static final String COLUMNS = "throttle_key, failures, first_failure_at, last_failure_at, blocked_until,"
			+ " attempts_in_progress, last_attempt_at";

	/** What a row is read for; a key without a row reads as {@code current == null}. */
	record Locked(String key, LoginFailure current) {
	}

	private final JdbcClient jdbc;

	LoginFailureRows(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** Within a transaction: the row, locked until it ends, so that concurrent changes (on any instance) queue. */
	Locked lock(String key) {
		return new Locked(key, this.jdbc.sql("select " + COLUMNS + " from login_failure where throttle_key = ? for update")
			.param(key)
			.query(LoginFailureRows::failure)
			.optional()
			.orElse(null));
	}

	/** Inserts the key's first row, or updates the one locked: a concurrent first insert fails on the primary key. */
	void save(Locked row, LoginFailure next) {
		if (row.current() != null) {
			this.jdbc
				.sql("update login_failure set failures = ?, first_failure_at = ?, last_failure_at = ?,"
						+ " blocked_until = ?, attempts_in_progress = ?, last_attempt_at = ? where throttle_key = ?")
				.params(next.failures(), Timestamps.of(next.firstFailureAt()), Timestamps.of(next.lastFailureAt()),
						Timestamps.of(next.blockedUntil()), next.attemptsInProgress(), Timestamps.of(next.lastAttemptAt()),
						row.key())
				.update();
		}
		else {
			this.jdbc.sql("insert into login_failure (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
				.params(row.key(), next.failures(), Timestamps.of(next.firstFailureAt()), Timestamps.of(next.lastFailureAt()),
						Timestamps.of(next.blockedUntil()), next.attemptsInProgress(), Timestamps.of(next.lastAttemptAt()))
				.update();
		}
	}

	boolean delete(String key) {
		return this.jdbc.sql("delete from login_failure where throttle_key = ?").param(key).update() > 0;
	}

	/** Keys starting with the prefix (taken literally); most recent failure first. */
	List<LoginFailure> startingWith(String prefix) {
		String escaped = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return this.jdbc
			.sql("select " + COLUMNS + " from login_failure where throttle_key like ? escape '!'"
					+ " order by last_failure_at desc")
			.param(escaped + "%")
			.query(LoginFailureRows::failure)
			.list();
	}

	/** Every row whose last failure or block end is at or after the cutoff, or just the one given. */
	List<LoginFailure> since(Instant cutoff, String key) {
		String sql = "select " + COLUMNS + " from login_failure where"
				+ " (last_failure_at >= :cutoff or blocked_until >= :cutoff)"
				+ ((key != null) ? " and throttle_key = :key" : "") + " order by last_failure_at desc";
		JdbcClient.StatementSpec query = this.jdbc.sql(sql).param("cutoff", Timestamps.of(cutoff));
		if (key != null) {
			query = query.param("key", key);
		}
		return query.query(LoginFailureRows::failure).list();
	}

	int deleteBefore(Instant cutoff) {
		return this.jdbc
			.sql("delete from login_failure where last_failure_at < :cutoff"
					+ " and (blocked_until is null or blocked_until < :cutoff)")
			.param("cutoff", Timestamps.of(cutoff))
			.update();
	}

	/** Records a right password for the username at the address (table {@code known_sign_in}). */
	void markKnown(String userAtAddress, Instant now) {
		int updated = this.jdbc.sql("update known_sign_in set last_success_at = ? where throttle_key = ?")
			.params(Timestamps.of(now), userAtAddress)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into known_sign_in (throttle_key, last_success_at) values (?, ?)")
				.params(userAtAddress, Timestamps.of(now))
				.update();
		}
	}

	boolean knownSince(String userAtAddress, Instant cutoff) {
		return this.jdbc.sql("select count(*) from known_sign_in where throttle_key = ? and last_success_at >= ?")
			.params(userAtAddress, Timestamps.of(cutoff))
			.query(Integer.class)
			.single() > 0;
	}

	int deleteKnownBefore(Instant cutoff) {
		return this.jdbc.sql("delete from known_sign_in where last_success_at < ?").param(Timestamps.of(cutoff)).update();
	}

	private static LoginFailure failure(ResultSet rs, int row) throws SQLException {
		return new LoginFailure(rs.getString("throttle_key"), rs.getInt("failures"), instant(rs, "first_failure_at"),
				instant(rs, "last_failure_at"), instant(rs, "blocked_until"), rs.getInt("attempts_in_progress"),
				instant(rs, "last_attempt_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}


}

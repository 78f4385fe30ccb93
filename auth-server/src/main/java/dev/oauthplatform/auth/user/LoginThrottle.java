package dev.oauthplatform.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per username and per client address in the database, so that every
 * instance sees the same counts, and says when a key is blocked. A blocked key is refused without
 * its attempts being counted, so a block always ends: the real user can sign in after the delay.
 */
@Component
public class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final String USER_PREFIX = "user:";

	private static final String IP_PREFIX = "ip:";

	/** The column's width: no request can make a key the database refuses. */
	private static final int MAX_KEY_LENGTH = 255;

	private static final String COLUMNS = "throttle_key, failures, first_failure_at, last_failure_at, blocked_until";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final LoginThrottleProperties properties;

	LoginThrottle(DataSource dataSource, PlatformTransactionManager transactions, LoginThrottleProperties properties) {
		this.jdbc = JdbcClient.create(dataSource);
		// A failure counts even when the caller's transaction (if any) rolls back.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	/** Usernames are counted case-insensitively: "Alice" and "alice" get no separate allowances. */
	public static String userKey(String username) {
		return key(USER_PREFIX + username.toLowerCase(Locale.ROOT));
	}

	public static String ipKey(String address) {
		return key(IP_PREFIX + address);
	}

	private static String key(String key) {
		return (key.length() > MAX_KEY_LENGTH) ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

	/** How long the longer-blocked of this username and address still is, if either is. */
	public Optional<Duration> blockedFor(String username, String address) {
		Instant now = Instant.now();
		return this.jdbc
			.sql("select blocked_until from login_failure where throttle_key in (:keys) and blocked_until > :now")
			.param("keys", keys(username, address))
			.param("now", timestamp(now))
			.query((rs, row) -> instant(rs, "blocked_until"))
			.list()
			.stream()
			.max(Comparator.naturalOrder())
			.map((until) -> Duration.between(now, until));
	}

	public void recordFailure(String username, String address) {
		count(userKey(username), this.properties.maxFailures());
		if (address != null) {
			count(ipKey(address), this.properties.maxFailuresPerIp());
		}
	}

	/** Only the username's count: one good password must not reset an address that guesses at many users. */
	public void recordSuccess(String username) {
		this.jdbc.sql("delete from login_failure where throttle_key = ?").param(userKey(username)).update();
	}

	/** Every key still counting or blocked, or just the one given; most recent failure first. */
	public List<LoginFailure> entries(String key) {
		String live = "(last_failure_at >= :cutoff or blocked_until >= :cutoff)";
		String sql = "select " + COLUMNS + " from login_failure where " + live
				+ ((key != null) ? " and throttle_key = :key" : "") + " order by last_failure_at desc";
		JdbcClient.StatementSpec query = this.jdbc.sql(sql).param("cutoff", timestamp(quietCutoff(Instant.now())));
		if (key != null) {
			query = query.param("key", key);
		}
		return query.query(LoginThrottle::failure).list();
	}

	/** Forgets a key's failures (and ends its block); false when there was nothing to forget. */
	public boolean clear(String key) {
		return this.jdbc.sql("delete from login_failure where throttle_key = ?").param(key).update() > 0;
	}

	/** Keys whose quiet window has passed count from zero anyway: their rows are only clutter. */
	@Scheduled(fixedDelayString = "${auth.login-throttle.window:15m}",
			initialDelayString = "${auth.login-throttle.window:15m}")
	public int purge() {
		SqlParameterValue cutoff = timestamp(quietCutoff(Instant.now()));
		return this.jdbc
			.sql("delete from login_failure where last_failure_at < :cutoff"
					+ " and (blocked_until is null or blocked_until < :cutoff)")
			.param("cutoff", cutoff)
			.update();
	}

	/**
	 * One more failure for the key, under a row lock so that concurrent failures (on any instance)
	 * all count. The first failure of a key inserts its row; if another request inserted it at the
	 * same moment, the insert fails on the primary key and a second try finds the row to lock.
	 */
	private void count(String key, int limit) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> countLocked(key, limit, Instant.now()));
		}
		catch (DuplicateKeyException ex) {
			logger.debug("First failure for '{}' raced another: counting it again", key);
			this.ownTransaction.executeWithoutResult((status) -> countLocked(key, limit, Instant.now()));
		}
	}

	private void countLocked(String key, int limit, Instant now) {
		Optional<LoginFailure> current = this.jdbc
			.sql("select " + COLUMNS + " from login_failure where throttle_key = ? for update")
			.param(key)
			.query(LoginThrottle::failure)
			.optional();
		LoginFailure next = next(current.orElse(null), key, limit, now);
		if (current.isPresent()) {
			this.jdbc
				.sql("update login_failure set failures = ?, first_failure_at = ?, last_failure_at = ?,"
						+ " blocked_until = ? where throttle_key = ?")
				.params(next.failures(), timestamp(next.firstFailureAt()), timestamp(next.lastFailureAt()),
						timestamp(next.blockedUntil()), key)
				.update();
		}
		else {
			this.jdbc.sql("insert into login_failure (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
				.params(key, next.failures(), timestamp(next.firstFailureAt()), timestamp(next.lastFailureAt()),
						timestamp(next.blockedUntil()))
				.update();
		}
		if (next.blockedUntil() != null) {
			logger.debug("Sign-ins for '{}' blocked until {} after {} failures", key, next.blockedUntil(),
					next.failures());
		}
	}

	/** The count after one more failure: anew after a quiet window, blocked from the limit on. */
	private LoginFailure next(LoginFailure current, String key, int limit, Instant now) {
		boolean fresh = current == null || !current.quietSince().isAfter(quietCutoff(now));
		int failures = fresh ? 1 : current.failures() + 1;
		Instant first = fresh ? now : current.firstFailureAt();
		Instant blockedUntil = (failures >= limit) ? now.plus(this.properties.delayAfter(failures - limit)) : null;
		return new LoginFailure(key, failures, first, now, blockedUntil);
	}

	private Instant quietCutoff(Instant now) {
		return now.minus(this.properties.window());
	}

	private static List<String> keys(String username, String address) {
		List<String> keys = new ArrayList<>(List.of(userKey(username)));
		if (address != null) {
			keys.add(ipKey(address));
		}
		return keys;
	}

	private static LoginFailure failure(ResultSet rs, int row) throws SQLException {
		return new LoginFailure(rs.getString("throttle_key"), rs.getInt("failures"), instant(rs, "first_failure_at"),
				instant(rs, "last_failure_at"), instant(rs, "blocked_until"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** Typed, so that H2 and PostgreSQL bind it (null included) as {@code timestamp with time zone}. */
	private static SqlParameterValue timestamp(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				(instant != null) ? instant.atOffset(ZoneOffset.UTC) : null);
	}

}

package dev.oauthplatform.auth.grant.device;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import dev.oauthplatform.auth.persistence.Timestamps;

/**
 * Rations the user codes a signed-in user may try on /activate (RFC 8628 §5.1: the code space is
 * small enough to guess at). Each try is counted before the look-up, as a failure until it proves
 * right, so parallel guesses cannot overtake the count; a right code gives its try back. Counted
 * per user only: nobody can use up another person's tries, and accounts are made by admins.
 */
@Component
class UserCodeAttempts {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final DeviceGrantProperties properties;

	UserCodeAttempts(DataSource dataSource, PlatformTransactionManager transactionManager,
			DeviceGrantProperties properties) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(transactionManager);
		this.properties = properties;
	}

	/** Counts a try; false when the user has no try left in this window. */
	boolean reserve(String userId) {
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> count(userId, Instant.now())));
		}
		catch (DuplicateKeyException ex) {
			// the user's first row, inserted by a concurrent try: count on it
			return Boolean.TRUE.equals(this.transaction.execute((status) -> count(userId, Instant.now())));
		}
	}

	/** The code was right: the try does not count. */
	void giveBack(String userId) {
		this.jdbc.sql("update user_code_attempt set failures = failures - 1 where user_id = ? and failures > 0")
			.param(userId)
			.update();
	}

	/** When the user may try again, once out of tries. */
	Instant retryAt(String userId) {
		return this.jdbc.sql("select window_start from user_code_attempt where user_id = ?")
			.param(userId)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional()
			.map((start) -> start.plus(this.properties.wrongUserCodeWindow()))
			.orElseGet(Instant::now);
	}

	private boolean count(String userId, Instant now) {
		Window window = this.jdbc
			.sql("select window_start, failures from user_code_attempt where user_id = ? for update")
			.param(userId)
			.query((rs, row) -> new Window(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)))
			.optional()
			.orElse(null);
		if (window == null) {
			this.jdbc.sql("insert into user_code_attempt (user_id, window_start, failures) values (?, ?, 1)")
				.params(userId, Timestamps.of(now))
				.update();
			return true;
		}
		if (window.endedBy(now, this.properties.wrongUserCodeWindow())) {
			this.jdbc.sql("update user_code_attempt set window_start = ?, failures = 1 where user_id = ?")
				.params(Timestamps.of(now), userId)
				.update();
			return true;
		}
		if (window.failures() >= this.properties.maxWrongUserCodes()) {
			return false;
		}
		this.jdbc.sql("update user_code_attempt set failures = failures + 1 where user_id = ?").param(userId).update();
		return true;
	}

	private record Window(Instant start, int failures) {

		boolean endedBy(Instant now, Duration length) {
			return !now.isBefore(this.start.plus(length));
		}

	}


}

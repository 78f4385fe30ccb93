package dev.oauthplatform.auth.grant.device;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.persistence.Timestamps;
import dev.oauthplatform.auth.token.TokenHashes;

/**
 * Decides whether a device polled too soon (RFC 8628 §3.5 {@code slow_down}): each device code's
 * last poll and interval live in the database, so polls that a balancer spreads over instances
 * are paced as one. A poll too soon adds 5 seconds to that code's interval, for good.
 */
@Component
class PollingPace {

	private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Duration interval;

	PollingPace(DataSource dataSource, PlatformTransactionManager transactionManager,
			DeviceGrantProperties properties) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(transactionManager);
		this.interval = properties.pollInterval();
	}

	/** The interval every device is told at first. */
	Duration interval() {
		return this.interval;
	}

	/** Records this poll; true when it came sooner than the code's interval allows. */
	boolean tooSoon(String deviceCode) {
		String hash = TokenHashes.hash(deviceCode);
		Instant now = Instant.now();
		try {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> record(hash, now)));
		}
		catch (DataIntegrityViolationException ex) {
			// a concurrent first poll of the same code, which then was not too soon
			return false;
		}
	}

	private boolean record(String hash, Instant now) {
		LastPoll last = this.jdbc
			.sql("select last_poll_at, interval_seconds from device_poll where device_code_hash = ? for update")
			.param(hash)
			.query((rs, row) -> new LastPoll(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)))
			.optional()
			.orElse(null);
		if (last == null) {
			// only a live device code's first poll: any other value (a user code guessed at, say)
			// leaves no trace, so this answer cannot tell which values are codes
			this.jdbc.sql("insert into device_poll (device_code_hash, last_poll_at, interval_seconds) "
					+ "select token_hash, ?, ? from oauth_token where token_hash = ? and kind = 'DEVICE_CODE'")
				.params(Timestamps.of(now), this.interval.toSeconds(), hash)
				.update();
			return false;
		}
		boolean tooSoon = last.tooSoonFor(now);
		long interval = tooSoon ? last.intervalSeconds() + SLOW_DOWN_STEP.toSeconds() : last.intervalSeconds();
		this.jdbc.sql("update device_poll set last_poll_at = ?, interval_seconds = ? where device_code_hash = ?")
			.params(Timestamps.of(now), interval, hash)
			.update();
		return tooSoon;
	}

	/**
	 * A fifth of the interval is forgiven: a device that waits exactly the interval may arrive a
	 * little early when its previous poll was answered late.
	 */
	private record LastPoll(Instant at, int intervalSeconds) {

		boolean tooSoonFor(Instant now) {
			Duration interval = Duration.ofSeconds(this.intervalSeconds);
			return now.isBefore(this.at.plus(interval.minus(interval.dividedBy(5))));
		}

	}


}

package dev.oauthplatform.auth.user;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one key's row changes under its lock, for {@link LoginThrottle}: one failure more, one
 * taken back, and the attempts whose password is still being checked.
 */
final class ThrottleCounts {

	private static final Logger logger = LoggerFactory.getLogger(ThrottleCounts.class);

	/** Longer than any password check: an attempt still "in progress" after it was left by a stopped instance. */
	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

	private final LoginFailureRows rows;

	ThrottleCounts(LoginFailureRows rows) {
		this.rows = rows;
	}

	/** One more failure; {@code endsAnAttempt} on the key the attempt was in progress under. */
	void count(LoginFailureRows.Locked row, ThrottleRule rule, Instant now, boolean endsAnAttempt) {
		LoginFailure current = row.current();
		LoginFailure next = rule.afterFailure(row.key(), current, now);
		int inProgress = Math.max(0, attemptsInProgress(current, now) - (endsAnAttempt ? 1 : 0));
		this.rows.save(row,
				next.withAttemptsInProgress(inProgress, (current != null) ? current.lastAttemptAt() : null));
		if (next.blockedUntil() != null) {
			logger.debug("Sign-ins for '{}' blocked until {} after {} failures", row.key(), next.blockedUntil(),
					next.failures());
		}
	}

	/**
	 * A right password: the key's failures are forgotten and the attempt ends. The row stays while
	 * other attempts are in progress under it: deleted, they would race to insert it again, and
	 * lose again whenever another success deleted it meanwhile.
	 */
	void forgetFailures(LoginFailureRows.Locked row, Instant now) {
		int others = Math.max(0, attemptsInProgress(row.current(), now) - 1);
		if (others == 0) {
			this.rows.delete(row.key());
			return;
		}
		this.rows.save(row, new LoginFailure(row.key(), 0, now, now, null, others, row.current().lastAttemptAt()));
	}

	void takeBackOne(LoginFailureRows.Locked row, ThrottleRule rule, Instant now) {
		if (!rule.live(row.current(), now)) {
			return;
		}
		LoginFailure current = row.current();
		if (current.failures() <= 1) {
			this.rows.delete(row.key());
			return;
		}
		int failures = current.failures() - 1;
		this.rows.save(row, new LoginFailure(row.key(), failures, current.firstFailureAt(), current.lastFailureAt(),
				(failures < rule.limit()) ? null : current.blockedUntil(), current.attemptsInProgress(),
				current.lastAttemptAt()));
	}

	/** Those of a stopped instance never end: after a while they no longer count. */
	static int attemptsInProgress(LoginFailure failure, Instant now) {
		return (failure != null && failure.lastAttemptAt() != null
				&& failure.lastAttemptAt().isAfter(now.minus(ATTEMPT_TIMEOUT))) ? failure.attemptsInProgress() : 0;
	}

}

package dev.oauthplatform.auth.user;

import java.time.Instant;

/**
 * One throttle key's failed sign-ins ({@link ThrottleKeys}); {@code blockedUntil} is null while it
 * is under its limit. For a {@code user:} key, {@code failures} counts the addresses that failed.
 * {@code attemptsInProgress} (as of {@code lastAttemptAt}) are those whose password is being
 * checked; a key with none of its own failures has {@code failures} 0.
 */
public record LoginFailure(String key, int failures, Instant firstFailureAt, Instant lastFailureAt,
		Instant blockedUntil, int attemptsInProgress, Instant lastAttemptAt) {

	/** The moment from which a quiet window is measured: the last failure, or the end of a block after it. */
	Instant quietSince() {
		return (this.blockedUntil != null && this.blockedUntil.isAfter(this.lastFailureAt)) ? this.blockedUntil
				: this.lastFailureAt;
	}

	boolean blockedAt(Instant now) {
		return this.blockedUntil != null && this.blockedUntil.isAfter(now);
	}

	LoginFailure withAttemptsInProgress(int attempts, Instant lastAttemptAt) {
		return new LoginFailure(this.key, this.failures, this.firstFailureAt, this.lastFailureAt, this.blockedUntil,
				attempts, lastAttemptAt);
	}

}

package dev.oauthplatform.auth.user;

import java.time.Instant;

/** One throttle key's failed sign-ins; {@code blockedUntil} is null while it is under the limit. */
public record LoginFailure(String key, int failures, Instant firstFailureAt, Instant lastFailureAt,
		Instant blockedUntil) {

	/** The moment from which a quiet window is measured: the last failure, or the end of a block after it. */
	Instant quietSince() {
		return (this.blockedUntil != null && this.blockedUntil.isAfter(this.lastFailureAt)) ? this.blockedUntil
				: this.lastFailureAt;
	}

}

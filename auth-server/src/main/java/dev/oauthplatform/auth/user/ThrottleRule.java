package dev.oauthplatform.auth.user;

import java.time.Instant;

/**
 * How one key counts. Chained (per username): failures count while each comes within a window
 * of the previous one or of the end of a block, and each one past the limit doubles the delay.
 * Per window (per address): failures count within a window from the first; at the limit the
 * key is refused until that window ends, then counts anew.
 * <p>
 * The three keys:
 * <ul>
 * <li>{@code user+ip:<username>|<address>}, tight ({@code max-failures}): a username guessed at
 * from one address is refused there, for a delay that doubles with each further failure. It is
 * the only key that one address can fill for one username, and it stops nobody elsewhere.</li>
 * <li>{@code ip:<address>}, loose ({@code max-failures-per-ip} per window, whatever the
 * usernames): one address spraying guesses at many usernames. A rate, not a chain: at the limit
 * the address waits for the end of the window, so a busy NAT is never refused for longer; and a
 * username that signed in with its right password from that address lately
 * ({@code known-address-ttl}) is not refused by it at all, so nobody behind a shared address can
 * lock out the people who sign in there every day.</li>
 * <li>{@code user:<username>}, loose ({@code max-addresses-per-user}): counts the addresses
 * that failed for the username, each once while its own count lasts, not the failures. One
 * address alone moves it by one, so it can never lock the user out. At the limit the username is
 * under a distributed attack, and an address that failed for it gets no further guess while the
 * block lasts (each attacking address gets one guess, not five); an address that has not failed
 * for it still signs in, so no attacker, however many addresses it has, locks the user out of a
 * clean one.</li>
 * </ul>
 */
record ThrottleRule(int limit, boolean perWindow, LoginThrottleProperties properties) {

	/** Tight, chained: one username guessed at from one address. */
	static ThrottleRule perUserAtAddress(LoginThrottleProperties properties) {
		return new ThrottleRule(properties.maxFailures(), false, properties);
	}

	/** Loose, chained: the addresses that failed for one username. */
	static ThrottleRule perUser(LoginThrottleProperties properties) {
		return new ThrottleRule(properties.maxAddressesPerUser(), false, properties);
	}

	/** Loose, per window: one address spraying many usernames. */
	static ThrottleRule perAddress(LoginThrottleProperties properties) {
		return new ThrottleRule(properties.maxFailuresPerIp(), true, properties);
	}

	static ThrottleRule of(String key, LoginThrottleProperties properties) {
		if (key.startsWith(ThrottleKeys.USER_AT_ADDRESS)) {
			return perUserAtAddress(properties);
		}
		return key.startsWith(ThrottleKeys.USER) ? perUser(properties) : perAddress(properties);
	}

	/** Whether the key's count still stands (else the next failure starts it anew). */
	boolean live(LoginFailure failure, Instant now) {
		if (failure == null || failure.failures() == 0) {
			return false;
		}
		Instant since = this.perWindow ? failure.firstFailureAt() : failure.quietSince();
		return since.isAfter(now.minus(this.properties.window())) || failure.blockedAt(now);
	}

	Instant blockedUntil(LoginFailure failure, Instant now) {
		return (failure != null && failure.blockedAt(now)) ? failure.blockedUntil() : null;
	}

	LoginFailure afterFailure(String key, LoginFailure current, Instant now) {
		boolean fresh = !live(current, now);
		int failures = fresh ? 1 : current.failures() + 1;
		Instant first = fresh ? now : current.firstFailureAt();
		Instant blockedUntil = null;
		if (failures >= this.limit) {
			blockedUntil = this.perWindow ? first.plus(this.properties.window())
					: now.plus(this.properties.delayAfter(failures - this.limit));
		}
		return new LoginFailure(key, failures, first, now, blockedUntil, 0, null);
	}

}

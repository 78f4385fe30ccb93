package dev.oauthplatform.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Counts sign-in attempts in the database, so that every instance counts and refuses alike, under
 * three keys ({@link ThrottleKeys}), each counted by its own {@link ThrottleRule}.
 * Before its password is checked, an attempt reserves a place ({@link #reserve}): under the row
 * lock of its {@code user+ip} key, it counts among the attempts in progress there, as long as those
 * (were they all wrong) would not pass the limit; otherwise it waits for their outcome. So a burst
 * of parallel guesses gets no more than the limit to the password check (the rest are refused once
 * those have failed), while parallel sign-ins with the right password all get through. A refused
 * attempt is not counted, so every block ends: the real user can sign in after the delay.
 */
@Component
public class LoginThrottle {

	/** How long an attempt waits for those in progress before it is refused. */
	private static final Duration MAX_WAIT = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	private final LoginFailureRows rows;

	private final ThrottleTransactions transactions;

	private final ThrottleCounts counts;

	private final LoginThrottleProperties properties;

	LoginThrottle(LoginFailureRows rows, PlatformTransactionManager transactions, LoginThrottleProperties properties) {
		this.rows = rows;
		this.transactions = new ThrottleTransactions(transactions);
		this.counts = new ThrottleCounts(rows);
		this.properties = properties;
	}

	/** The keys one attempt counts under; locked in this order by every transaction, so none deadlock. */
	public record Attempt(String userAtAddress, String user, String address) {

		static Attempt of(String username, String remoteAddress) {
			return new Attempt(ThrottleKeys.userAtAddress(username, remoteAddress), ThrottleKeys.user(username),
					ThrottleKeys.address(remoteAddress));
		}

	}

	/**
	 * A place for the attempt among those whose password is being checked, once there is one, or
	 * its refusal (uncounted) with how long to wait when one of its keys is blocked.
	 */
	public Attempt reserve(String username, String remoteAddress) {
		Attempt attempt = Attempt.of(username, remoteAddress);
		Instant giveUp = Instant.now().plus(MAX_WAIT);
		while (!this.transactions.inOwnTransaction(() -> reserveLocked(attempt, Instant.now()))) {
			if (Instant.now().isAfter(giveUp)) {
				throw new LoginThrottledException(Duration.ofSeconds(1));
			}
			pause();
		}
		return attempt;
	}

	/** A wrong password (or unknown username, or disabled account): one more failure under every key. */
	public void failed(Attempt attempt) {
		this.transactions.inOwnTransaction(() -> {
			Instant now = Instant.now();
			LoginFailureRows.Locked userAtAddress = this.rows.lock(attempt.userAtAddress());
			LoginFailureRows.Locked user = this.rows.lock(attempt.user());
			LoginFailureRows.Locked address = this.rows.lock(attempt.address());
			boolean failedHereBefore = perUserAtAddress().live(userAtAddress.current(), now);
			this.counts.count(userAtAddress, perUserAtAddress(), now, true);
			if (!failedHereBefore) {
				this.counts.count(user, perUser(), now, false);
			}
			this.counts.count(address, perAddress(), now, false);
			return true;
		});
	}

	/**
	 * The password was right: this address no longer counts as one that failed for the username,
	 * and becomes one it is known at.
	 */
	public void succeeded(Attempt attempt) {
		this.transactions.inOwnTransaction(() -> {
			Instant now = Instant.now();
			LoginFailureRows.Locked userAtAddress = this.rows.lock(attempt.userAtAddress());
			this.counts.forgetFailures(userAtAddress, now);
			this.rows.markKnown(attempt.userAtAddress(), now);
			if (perUserAtAddress().live(userAtAddress.current(), now)) {
				this.counts.takeBackOne(this.rows.lock(attempt.user()), perUser(), now);
			}
			return true;
		});
	}

	/** The username signed in with a right password from this address lately. */
	private boolean knownHere(Attempt attempt, Instant now) {
		return this.rows.knownSince(attempt.userAtAddress(), now.minus(this.properties.knownAddressTtl()));
	}

	/** False when the attempts in progress might use up what the key still allows: then it waits. */
	private boolean reserveLocked(Attempt attempt, Instant now) {
		LoginFailureRows.Locked userAtAddress = this.rows.lock(attempt.userAtAddress());
		LoginFailureRows.Locked user = this.rows.lock(attempt.user());
		LoginFailureRows.Locked address = this.rows.lock(attempt.address());
		LoginFailure here = userAtAddress.current();
		boolean failedHereBefore = perUserAtAddress().live(here, now);
		Instant addressBlockedUntil = perAddress().blockedUntil(address.current(), now);
		if (addressBlockedUntil != null && knownHere(attempt, now)) {
			// others' guesses from this address do not lock out who signs in from it every day
			addressBlockedUntil = null;
		}
		Instant blockedUntil = Stream
			.of(perUserAtAddress().blockedUntil(here, now),
					failedHereBefore ? perUser().blockedUntil(user.current(), now) : null, addressBlockedUntil)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		if (blockedUntil != null) {
			throw new LoginThrottledException(Duration.between(now, blockedUntil));
		}
		int inProgress = ThrottleCounts.attemptsInProgress(here, now);
		// past the limit (a block has ended), one more failure blocks again: one attempt at a time
		int allowed = Math.max(1, this.properties.maxFailures() - (failedHereBefore ? here.failures() : 0));
		if (inProgress >= allowed) {
			return false;
		}
		LoginFailure current = (here != null) ? here
				: new LoginFailure(attempt.userAtAddress(), 0, now, now, null, 0, null);
		this.rows.save(userAtAddress, current.withAttemptsInProgress(inProgress + 1, now));
		return true;
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LoginThrottledException(Duration.ofSeconds(1));
		}
	}

	private ThrottleRule perUserAtAddress() {
		return ThrottleRule.perUserAtAddress(this.properties);
	}

	private ThrottleRule perUser() {
		return ThrottleRule.perUser(this.properties);
	}

	private ThrottleRule perAddress() {
		return ThrottleRule.perAddress(this.properties);
	}

}

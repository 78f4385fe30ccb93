package dev.oauthplatform.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sign-in attempts in the database, so that every instance counts and refuses alike, under
 * three keys ({@link ThrottleKeys}):
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
 * Before its password is checked, an attempt reserves a place ({@link #reserve}): under the row
 * lock of its {@code user+ip} key, it counts among the attempts in progress there, as long as those
 * (were they all wrong) would not pass the limit; otherwise it waits for their outcome. So a burst
 * of parallel guesses gets no more than the limit to the password check (the rest are refused once
 * those have failed), while parallel sign-ins with the right password all get through. A refused
 * attempt is not counted, so every block ends: the real user can sign in after the delay.
 */
@Component
public class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int TRIES = 3;

	/** Longer than any password check: an attempt still "in progress" after it was left by a stopped instance. */
	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

	/** How long an attempt waits for those in progress before it is refused. */
	private static final Duration MAX_WAIT = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	private final LoginFailureRows rows;

	private final TransactionTemplate ownTransaction;

	private final LoginThrottleProperties properties;

	LoginThrottle(DataSource dataSource, PlatformTransactionManager transactions, LoginThrottleProperties properties) {
		this.rows = new LoginFailureRows(dataSource);
		// An attempt counts even when the caller's transaction (if any) rolls back.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
		while (!inOwnTransaction(() -> reserveLocked(attempt, Instant.now()))) {
			if (Instant.now().isAfter(giveUp)) {
				throw new LoginThrottledException(Duration.ofSeconds(1));
			}
			pause();
		}
		return attempt;
	}

	/** A wrong password (or unknown username, or disabled account): one more failure under every key. */
	public void failed(Attempt attempt) {
		inOwnTransaction(() -> {
			Instant now = Instant.now();
			LoginFailureRows.Locked userAtAddress = this.rows.lock(attempt.userAtAddress());
			LoginFailureRows.Locked user = this.rows.lock(attempt.user());
			LoginFailureRows.Locked address = this.rows.lock(attempt.address());
			boolean failedHereBefore = perUserAtAddress().live(userAtAddress.current(), now);
			count(userAtAddress, perUserAtAddress(), now, true);
			if (!failedHereBefore) {
				count(user, perUser(), now, false);
			}
			count(address, perAddress(), now, false);
			return true;
		});
	}

	/**
	 * The password was right: this address no longer counts as one that failed for the username,
	 * and becomes one it is known at.
	 */
	public void succeeded(Attempt attempt) {
		inOwnTransaction(() -> {
			Instant now = Instant.now();
			LoginFailureRows.Locked userAtAddress = this.rows.lock(attempt.userAtAddress());
			this.rows.delete(attempt.userAtAddress());
			this.rows.markKnown(attempt.userAtAddress(), now);
			if (perUserAtAddress().live(userAtAddress.current(), now)) {
				takeBackOne(this.rows.lock(attempt.user()), perUser(), now);
			}
			return true;
		});
	}

	/** Every key still counting or blocked, or just the one given; most recent failure first. */
	public List<LoginFailure> entries(String key) {
		Instant now = Instant.now();
		return this.rows.since(quietCutoff(now), key)
			.stream()
			.filter((failure) -> ruleOf(failure.key()).live(failure, now))
			.toList();
	}

	/** The username's own key and its keys at every address; most recent failure first. */
	public List<LoginFailure> entriesOfUser(String username) {
		Instant now = Instant.now();
		return keysOfUser(username).filter((failure) -> ruleOf(failure.key()).live(failure, now))
			.sorted(Comparator.comparing(LoginFailure::lastFailureAt).reversed())
			.toList();
	}

	/** Forgets a key's failures (and ends its block); false when there was nothing to forget. */
	public boolean clear(String key) {
		return this.rows.delete(key);
	}

	/** Forgets every key of the username (its own and at each address); false when there was none. */
	public boolean clearUser(String username) {
		List<String> keys = keysOfUser(username).map(LoginFailure::key).toList();
		return keys.stream().map(this.rows::delete).reduce(false, Boolean::logicalOr);
	}

	/** Keys whose quiet window has passed count from zero anyway: their rows are only clutter. */
	@Scheduled(fixedDelayString = "${auth.login-throttle.window:15m}",
			initialDelayString = "${auth.login-throttle.window:15m}")
	public int purge() {
		Instant now = Instant.now();
		return this.rows.deleteBefore(quietCutoff(now)) + this.rows.deleteKnownBefore(now.minus(knownAddressTtl()));
	}

	/** The username signed in with a right password from this address lately. */
	private boolean knownHere(Attempt attempt, Instant now) {
		return this.rows.knownSince(attempt.userAtAddress(), now.minus(knownAddressTtl()));
	}

	private Duration knownAddressTtl() {
		return this.properties.knownAddressTtl();
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
		int inProgress = attemptsInProgress(here, now);
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

	/** One more failure; {@code endsAnAttempt} on the key the attempt was in progress under. */
	private void count(LoginFailureRows.Locked row, Rule rule, Instant now, boolean endsAnAttempt) {
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

	/** Those of a stopped instance never end: after a while they no longer count. */
	private static int attemptsInProgress(LoginFailure failure, Instant now) {
		return (failure != null && failure.lastAttemptAt() != null
				&& failure.lastAttemptAt().isAfter(now.minus(ATTEMPT_TIMEOUT))) ? failure.attemptsInProgress() : 0;
	}

	private void takeBackOne(LoginFailureRows.Locked row, Rule rule, Instant now) {
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

	private Stream<LoginFailure> keysOfUser(String username) {
		List<LoginFailure> keys = new ArrayList<>(this.rows.since(Instant.EPOCH, ThrottleKeys.user(username)));
		this.rows.startingWith(ThrottleKeys.userAtAnyAddressPrefix(username))
			.stream()
			.filter((failure) -> ThrottleKeys.isUserAtAddressOf(failure.key(), username))
			.forEach(keys::add);
		return keys.stream();
	}

	/** Concurrent first attempts race to insert a key's row; the losers find it on the next try. */
	private boolean inOwnTransaction(Supplier<Boolean> work) {
		for (int tries = 1;; tries++) {
			try {
				return Boolean.TRUE.equals(this.ownTransaction.execute((status) -> work.get()));
			}
			catch (DuplicateKeyException ex) {
				if (tries == TRIES) {
					throw ex;
				}
				logger.debug("A first attempt raced another for a throttle key's row: counting it again");
			}
		}
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

	private Rule ruleOf(String key) {
		if (key.startsWith(ThrottleKeys.USER_AT_ADDRESS)) {
			return perUserAtAddress();
		}
		return key.startsWith(ThrottleKeys.USER) ? perUser() : perAddress();
	}

	private Rule perUserAtAddress() {
		return new Rule(this.properties.maxFailures(), false, this.properties);
	}

	private Rule perUser() {
		return new Rule(this.properties.maxAddressesPerUser(), false, this.properties);
	}

	private Rule perAddress() {
		return new Rule(this.properties.maxFailuresPerIp(), true, this.properties);
	}

	private Instant quietCutoff(Instant now) {
		return now.minus(this.properties.window());
	}

	/**
	 * How one key counts. Chained (per username): failures count while each comes within a window
	 * of the previous one or of the end of a block, and each one past the limit doubles the delay.
	 * Per window (per address): failures count within a window from the first; at the limit the
	 * key is refused until that window ends, then counts anew.
	 */
	private record Rule(int limit, boolean perWindow, LoginThrottleProperties properties) {

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

}

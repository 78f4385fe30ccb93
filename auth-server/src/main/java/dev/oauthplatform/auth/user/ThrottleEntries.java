package dev.oauthplatform.auth.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** What the throttle holds, for admins: the keys still counting or blocked, and forgetting them. */
@Component
public class ThrottleEntries {

	private final LoginFailureRows rows;

	private final LoginThrottleProperties properties;

	ThrottleEntries(LoginFailureRows rows, LoginThrottleProperties properties) {
		this.rows = rows;
		this.properties = properties;
	}

	/** Every key still counting or blocked, or just the one given; most recent failure first. */
	public List<LoginFailure> entries(String key) {
		Instant now = Instant.now();
		return this.rows.since(quietCutoff(now), key)
			.stream()
			.filter((failure) -> ThrottleRule.of(failure.key(), this.properties).live(failure, now))
			.toList();
	}

	/** The username's own key and its keys at every address; most recent failure first. */
	public List<LoginFailure> entriesOfUser(String username) {
		Instant now = Instant.now();
		return keysOfUser(username).filter((failure) -> ThrottleRule.of(failure.key(), this.properties).live(failure, now))
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

	/** Once per window across all instances (as the authorization purge: a second run is waste). */
	@Scheduled(fixedDelayString = "${auth.login-throttle.window:15m}",
			initialDelayString = "${auth.login-throttle.window:15m}")
	@SchedulerLock(name = "purge-login-throttle", lockAtLeastFor = "${auth.login-throttle.window:15m}")
	public void purgeOnSchedule() {
		purge();
	}

	/** Keys whose quiet window has passed count from zero anyway: their rows are only clutter. */
	public int purge() {
		Instant now = Instant.now();
		return this.rows.deleteBefore(quietCutoff(now))
				+ this.rows.deleteKnownBefore(now.minus(this.properties.knownAddressTtl()));
	}

	private Stream<LoginFailure> keysOfUser(String username) {
		List<LoginFailure> keys = new ArrayList<>(this.rows.since(Instant.EPOCH, ThrottleKeys.user(username)));
		this.rows.startingWith(ThrottleKeys.userAtAnyAddressPrefix(username))
			.stream()
			.filter((failure) -> ThrottleKeys.isUserAtAddressOf(failure.key(), username))
			.forEach(keys::add);
		return keys.stream();
	}

	private Instant quietCutoff(Instant now) {
		return now.minus(this.properties.window());
	}

}

package dev.oauthplatform.auth.user;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused, before its password was checked, because its username or address is throttled. */
public class LoginThrottledException extends AuthenticationException {

	private final Duration wait;

	public LoginThrottledException(Duration wait) {
		super("Too many failed sign-in attempts. Try again in " + seconds(wait) + " seconds.");
		this.wait = wait;
	}

	/** How long until the next attempt is let through. */
	public Duration getWait() {
		return this.wait;
	}

	/** Rounded up: "Try again in 0 seconds" would be refused once more. */
	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}

package dev.oauthplatform.cli.token;

import java.time.Duration;
import java.time.Instant;

import dev.oauthplatform.cli.store.StoredLogin;

/**
 * When a stored access token is worth refreshing: once it has expired or will within a minute,
 * so that a token handed out survives the clock skew and the trip to the API it is meant for.
 */
public final class ExpiryWindow {

	public static final Duration MARGIN = Duration.ofSeconds(60);

	private ExpiryWindow() {
	}

	/** An access token without a known expiry is used as it is: the API will say if it is stale. */
	public static boolean needsRefresh(StoredLogin login, Instant now) {
		return login.accessToken() == null
				|| (login.expiresAt() != null && !now.plus(MARGIN).isBefore(login.expiresAt()));
	}

}

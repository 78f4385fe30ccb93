package dev.oauthplatform.cli.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;

import dev.oauthplatform.cli.server.IssuedTokens;
import dev.oauthplatform.cli.server.Refused;
import dev.oauthplatform.cli.support.CliException;

/**
 * RFC 8628 §3.4-3.5: asks the token endpoint, at the pace the server set, whether the person has
 * approved yet; slows down by 5 s each time the server says slow_down, and stops on a denial,
 * an expired code or the code's lifetime.
 */
final class DevicePolling {

	static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

	static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

	static final String DENIED = "The request was denied in the browser";

	static final String EXPIRED = "The code expired before it was approved; run login again";

	private final Supplier<IssuedTokens> poll;

	private final Sleeper sleeper;

	private final Clock clock;

	DevicePolling(Supplier<IssuedTokens> poll, Sleeper sleeper, Clock clock) {
		this.poll = poll;
		this.sleeper = sleeper;
		this.clock = clock;
	}

	/** The tokens once approved; {@code interval} zero means the server named none. */
	IssuedTokens await(Duration interval, Instant deadline) {
		Duration wait = (interval.isZero() || interval.isNegative()) ? DEFAULT_INTERVAL : interval;
		while (true) {
			this.sleeper.sleep(wait);
			if (this.clock.instant().isAfter(deadline)) {
				throw new CliException(EXPIRED);
			}
			try {
				return this.poll.get();
			}
			catch (Refused ex) {
				wait = nextWait(wait, ex);
			}
		}
	}

	private static Duration nextWait(Duration wait, Refused ex) {
		String code = ex.code();
		if (code.equals(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING.getCode())) {
			return wait;
		}
		if (code.equals(DeviceAuthorizationGrantError.SLOW_DOWN.getCode())) {
			return wait.plus(SLOW_DOWN_STEP);
		}
		if (code.equals(OAuth2Error.ACCESS_DENIED.getCode())) {
			throw new CliException(DENIED, ex);
		}
		if (code.equals(DeviceAuthorizationGrantError.EXPIRED_TOKEN.getCode())) {
			throw new CliException(EXPIRED, ex);
		}
		throw ex;
	}

	@FunctionalInterface
	interface Sleeper {

		Sleeper THREAD = (duration) -> {
			try {
				Thread.sleep(duration.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CliException("Interrupted while waiting for the approval", ex);
			}
		};

		void sleep(Duration duration);

	}

}

package dev.oauthplatform.auth.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code auth.login-throttle.*}: after {@code maxFailures} failed sign-ins for one username (or
 * {@code maxFailuresPerIp} from one client address), each a {@code window} or less after the
 * previous one, that key is refused for {@code baseDelay}, doubled with every further failure up
 * to {@code maxDelay}. A {@code window} without failures (after any block) starts the count anew.
 */
@ConfigurationProperties("auth.login-throttle")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailures, @DefaultValue("5") int maxFailuresPerIp,
		@DefaultValue("15m") Duration window, @DefaultValue("30s") Duration baseDelay,
		@DefaultValue("15m") Duration maxDelay) {

	/** How long a key is refused after its {@code excess}-th failure beyond the limit (0 for the first). */
	Duration delayAfter(int excess) {
		Duration delay = this.baseDelay;
		for (int i = 0; i < excess && delay.compareTo(this.maxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

}

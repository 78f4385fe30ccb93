package dev.oauthplatform.auth.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code auth.login-throttle.*} (the rules are {@link LoginThrottle}'s):
 * <ul>
 * <li>{@code maxFailures}: failed sign-ins for one username from one address after which that
 * pair is refused for {@code baseDelay}, doubled with every further failure up to
 * {@code maxDelay}; a {@code window} without failures (after any block) starts the count anew.</li>
 * <li>{@code maxFailuresPerIp}: failed sign-ins from one address, whatever the usernames, within
 * a {@code window} from the first; at the limit the address is refused until that window ends.
 * Generous, for many people behind one NAT or proxy.</li>
 * <li>{@code maxAddressesPerUser}: addresses that failed for one username (counted like
 * {@code maxFailures}, with the same delays); from then on an address that failed for it gets no
 * further guess while it lasts, one that did not still signs in.</li>
 * <li>{@code knownAddressTtl}: how long after a right password from an address that username is
 * still let in there while the address as a whole is blocked.</li>
 * </ul>
 */
@ConfigurationProperties("auth.login-throttle")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailures, @DefaultValue("100") int maxFailuresPerIp,
		@DefaultValue("10") int maxAddressesPerUser, @DefaultValue("15m") Duration window,
		@DefaultValue("30s") Duration baseDelay, @DefaultValue("15m") Duration maxDelay,
		@DefaultValue("30d") Duration knownAddressTtl) {

	/** How long a key is refused after its {@code excess}-th failure beyond the limit (0 for the first). */
	Duration delayAfter(int excess) {
		Duration delay = this.baseDelay;
		for (int i = 0; i < excess && delay.compareTo(this.maxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

}

package dev.oauthplatform.auth.user;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code oauth.sign_ins}: users' sign-ins by outcome and channel, both fixed lists (never a
 * username, a client or an address). The login form and the password grant are counted where
 * their password is checked ({@link ThrottlingAuthenticationProvider}); the device grant where
 * the device's code is exchanged for the user's tokens, or refused for good.
 */
@Component
public final class SignInMetrics {

	/** Where the user signed in. */
	public enum Channel {

		/** The login page (which /authorize and /activate send people to). */
		FORM,
		/** The password grant at the token endpoint. */
		PASSWORD_GRANT,
		/** The device grant: the user approved (or denied) on /activate, the device polled. */
		DEVICE

	}

	private enum Outcome {

		SUCCEEDED, FAILED, THROTTLED

	}

	private final Map<Outcome, Map<Channel, Counter>> counters = new EnumMap<>(Outcome.class);

	public SignInMetrics(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			Map<Channel, Counter> byChannel = new EnumMap<>(Channel.class);
			for (Channel channel : Channel.values()) {
				byChannel.put(channel, Counter.builder("oauth.sign_ins")
					.description("Users' sign-ins by outcome and channel")
					.tag("outcome", tagValue(outcome))
					.tag("channel", tagValue(channel))
					.register(registry));
			}
			this.counters.put(outcome, byChannel);
		}
	}

	public void succeeded(Channel channel) {
		this.counters.get(Outcome.SUCCEEDED).get(channel).increment();
	}

	public void failed(Channel channel) {
		this.counters.get(Outcome.FAILED).get(channel).increment();
	}

	public void throttled(Channel channel) {
		this.counters.get(Outcome.THROTTLED).get(channel).increment();
	}

	private static String tagValue(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}

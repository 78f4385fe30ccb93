package dev.oauthplatform.auth.key;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code oauth.keys}: this instance's signing keys per state, as last read ({@code published}: a
 * rotation is staged; {@code signing}: one per algorithm; {@code verify_only}: waiting for their
 * last tokens to expire). Retired keys are out of the JWKS and not counted.
 */
@Component
class KeyGauges implements MeterBinder {

	private final SigningKeys keys;

	KeyGauges(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (SigningKey.State state : SigningKey.State.values()) {
			if (state != SigningKey.State.RETIRED) {
				Gauge.builder("oauth.keys", this.keys, (keys) -> keys.count(state))
					.description("Signing keys in the JWKS, by state")
					.tag("state", state.name().toLowerCase(Locale.ROOT))
					.register(registry);
			}
		}
	}

}

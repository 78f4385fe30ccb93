package dev.oauthplatform.cli.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.cli.server.IssuedTokens;
import dev.oauthplatform.cli.server.Refused;
import dev.oauthplatform.cli.support.CliException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevicePollingTest {

	private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

	private static final IssuedTokens TOKENS = new IssuedTokens("access", null, "refresh", "openid", null);

	private final List<Duration> waits = new ArrayList<>();

	@Test
	void whileApprovalIsPendingItAsksAgainAtTheServersInterval() {
		IssuedTokens tokens = polling(refusal(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING),
				refusal(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING), TOKENS)
			.await(Duration.ofSeconds(3), START.plusSeconds(600));

		assertThat(tokens).isEqualTo(TOKENS);
		assertThat(this.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));
	}

	@Test
	void slowDownAddsFiveSecondsToTheIntervalForGood() {
		polling(refusal(DeviceAuthorizationGrantError.SLOW_DOWN), refusal(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING),
				refusal(DeviceAuthorizationGrantError.SLOW_DOWN), TOKENS)
			.await(Duration.ofSeconds(5), START.plusSeconds(600));

		assertThat(this.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
				Duration.ofSeconds(15));
	}

	@Test
	void withoutAnIntervalFromTheServerItWaitsFiveSeconds() {
		polling(TOKENS).await(Duration.ZERO, START.plusSeconds(600));

		assertThat(this.waits).containsExactly(Duration.ofSeconds(5));
	}

	@Test
	void aDenialInTheBrowserEndsTheLogin() {
		assertThatThrownBy(() -> polling(refusal(OAuth2Error.ACCESS_DENIED)).await(Duration.ofSeconds(5),
				START.plusSeconds(600)))
			.isInstanceOf(CliException.class)
			.hasMessage("The request was denied in the browser");
	}

	@Test
	void anExpiredCodeEndsTheLogin() {
		assertThatThrownBy(() -> polling(refusal(DeviceAuthorizationGrantError.EXPIRED_TOKEN))
			.await(Duration.ofSeconds(5), START.plusSeconds(600)))
			.hasMessage("The code expired before it was approved; run login again");
	}

	@Test
	void itStopsAskingOnceTheCodesLifetimeIsOver() {
		assertThatThrownBy(() -> polling(refusal(DeviceAuthorizationGrantError.AUTHORIZATION_PENDING))
			.await(Duration.ofSeconds(5), START.plusSeconds(4)))
			.hasMessage("The code expired before it was approved; run login again");
	}

	@Test
	void anyOtherErrorIsReportedAsTheServerSentIt() {
		assertThatThrownBy(() -> polling(refusal(OAuth2Error.INVALID_CLIENT)).await(Duration.ofSeconds(5),
				START.plusSeconds(600)))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("invalid_client");
	}

	/** Answers in turn; the clock moves on by each wait, as real time would. */
	private DevicePolling polling(Object... answers) {
		Deque<Object> remaining = new ArrayDeque<>(List.of(answers));
		MovingClock clock = new MovingClock();
		return new DevicePolling(() -> {
			Object answer = remaining.removeFirst();
			if (answer instanceof ErrorObject error) {
				throw new Refused("The token request", error);
			}
			return (IssuedTokens) answer;
		}, (duration) -> {
			this.waits.add(duration);
			clock.now = clock.now.plus(duration);
		}, clock);
	}

	private static ErrorObject refusal(ErrorObject error) {
		return error;
	}

	private static final class MovingClock extends Clock {

		Instant now = START;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

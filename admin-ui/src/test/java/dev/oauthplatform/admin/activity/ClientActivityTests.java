package dev.oauthplatform.admin.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import dev.oauthplatform.admin.api.AdminApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** A client's latest events: read for its page, or a sentence saying why they could not be. */
class ClientActivityTests {

	private final ActivityApi api = mock(ActivityApi.class);

	private final ClientActivity activity = new ClientActivity(this.api);

	@Test
	void asksForTheLatestEventsOfThatClient() {
		ActivityApi.Event created = new ActivityApi.Event("e1", Instant.parse("2026-01-31T12:00:00Z"),
				"client.created", "admin", null, "success", Map.of("client_id", "shop"));
		given(this.api.find(new ActivityApi.Query(null, null, "shop", null, 0, ClientActivity.LATEST)))
			.willReturn(new ActivityApi.EventPage(List.of(created), 0, 20, 35));
		ClientActivity.Latest latest = this.activity.latest("shop");
		assertThat(latest.events()).extracting(ActivityRow::label).containsExactly("Client registered");
		assertThat(latest.hasMore()).isTrue();
		assertThat(latest.problem()).isNull();
	}

	@Test
	void aRefusalIsSaidInsteadOfTheEvents() {
		given(this.api.find(any())).willThrow(new AdminApiException(500, "server_error",
				"The authorization server answered with status 500."));
		assertThat(this.activity.latest("shop").problem()).isEqualTo("The authorization server answered with status 500.");
	}

	@Test
	void anUnreachableServerIsSaidInsteadOfTheEvents() {
		given(this.api.find(any())).willThrow(new ResourceAccessException("Connection refused"));
		ClientActivity.Latest latest = this.activity.latest("shop");
		assertThat(latest.problem()).contains("could not be reached");
		assertThat(latest.events()).isEmpty();
	}

	@Test
	void aSignInNoLongerAcceptedStillEndsTheSession() {
		given(this.api.find(any())).willThrow(new AdminApiException(401, "invalid_token", "revoked"));
		assertThatExceptionOfType(AdminApiException.class).isThrownBy(() -> this.activity.latest("shop"));
	}

}

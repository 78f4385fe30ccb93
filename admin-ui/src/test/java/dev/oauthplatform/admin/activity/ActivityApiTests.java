package dev.oauthplatform.admin.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** The audit trail call as auth-server's admin API contract (openapi.yaml) spells it, against a mock server. */
class ActivityApiTests {

	private static final String PAGE_JSON = """
			{"items":[{"id":"e1","time":"2026-01-31T12:00:00Z","type":"client.secret.rotated","actor":"admin",
			  "ip":"203.0.113.7","outcome":"success","details":{"client_id":"shop","grace_period_seconds":"3600"},
			  "some_later_field":1}],
			 "page":0,"size":20,"total":21}
			""";

	private final RestClient.Builder builder = RestClient.builder()
		.baseUrl("http://auth.test")
		.configureMessageConverters((converters) -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(
				JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())));

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	private final ActivityApi api = new ActivityApi(this.builder.build());

	@Test
	void readsAPageAsTheContractWritesItAndLeavesOutTheFiltersNotGiven() {
		this.server.expect(requestTo("http://auth.test/admin/api/audit-events?client_id=shop&limit=20&page=0"))
			.andRespond(withSuccess(PAGE_JSON, MediaType.APPLICATION_JSON));
		ActivityApi.EventPage page = this.api.find(new ActivityApi.Query(null, "", "shop", null, 0, 20));
		assertThat(page.items()).containsExactly(new ActivityApi.Event("e1", Instant.parse("2026-01-31T12:00:00Z"),
				"client.secret.rotated", "admin", "203.0.113.7", "success",
				Map.of("client_id", "shop", "grace_period_seconds", "3600")));
		assertThat(page.total()).isEqualTo(21);
		this.server.verify();
	}

	@Test
	void eachFilterIsSentAsOneEncodedValue() {
		this.server.expect(requestTo("http://auth.test/admin/api/audit-events?type=user.sign_in.failed"
				+ "&actor=a%2Bb%26c%3Dd&since=2026-01-31T00%3A00%3A00Z&limit=50&page=3"))
			.andRespond(withSuccess("{\"items\":[],\"page\":3,\"size\":50,\"total\":0}", MediaType.APPLICATION_JSON));
		ActivityApi.EventPage page = this.api.find(new ActivityApi.Query("user.sign_in.failed", "a+b&c=d", null,
				Instant.parse("2026-01-31T00:00:00Z"), 3, 50));
		assertThat(page.items()).isEqualTo(List.of());
		this.server.verify();
	}

}

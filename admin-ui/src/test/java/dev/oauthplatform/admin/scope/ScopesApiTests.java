package dev.oauthplatform.admin.scope;

import java.time.Instant;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** The scope calls as auth-server's admin API contract (openapi.yaml) spells them, against a mock server. */
class ScopesApiTests {

	private static final String SCOPE_JSON = """
			{"name":"notes.read","description":"Read your notes","created_at":"2026-01-31T12:00:00Z",
			 "updated_at":"2026-02-01T08:30:00Z","some_later_field":1}
			""";

	private final RestClient.Builder builder = RestClient.builder()
		.baseUrl("http://auth.test")
		.configureMessageConverters((converters) -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(
				JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())));

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	private final ScopesApi api = new ScopesApi(this.builder.build());

	@Test
	void readsTheListAsTheContractWritesIt() {
		this.server.expect(requestTo("http://auth.test/admin/api/scopes"))
			.andRespond(withSuccess("[" + SCOPE_JSON + "]", MediaType.APPLICATION_JSON));
		assertThat(this.api.list()).containsExactly(new ScopesApi.Scope("notes.read", "Read your notes",
				Instant.parse("2026-01-31T12:00:00Z"), Instant.parse("2026-02-01T08:30:00Z")));
	}

	@Test
	void savingTellsARegistrationFromAReplacementByTheStatus() {
		this.server.expect(requestTo("http://auth.test/admin/api/scopes?name=notes.read"))
			.andExpect(method(HttpMethod.PUT))
			.andExpect(content().json("{\"description\":\"Read your notes\"}"))
			.andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(SCOPE_JSON));
		this.server.expect(requestTo("http://auth.test/admin/api/scopes?name=notes.read"))
			.andRespond(withSuccess(SCOPE_JSON, MediaType.APPLICATION_JSON));

		assertThat(this.api.save("notes.read", "Read your notes").created()).isTrue();
		assertThat(this.api.save("notes.read", "Read your notes").created()).isFalse();
	}

	@Test
	void aNameIsSentAsOneEncodedQueryValueWhateverItHolds() {
		this.server.expect(requestTo("http://auth.test/admin/api/scopes?name=https%3A%2F%2Fapi.example%2Fa%2Bb%26c%3Dd%3Fall%23x%25%3B"))
			.andExpect(method(HttpMethod.DELETE))
			.andRespond(withStatus(HttpStatus.NO_CONTENT));
		this.api.delete("https://api.example/a+b&c=d?all#x%;");
		this.server.verify();
	}

}

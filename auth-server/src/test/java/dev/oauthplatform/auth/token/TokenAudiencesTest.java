package dev.oauthplatform.auth.token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * RFC 8707: a token's {@code aud} names only APIs registered for its client (or the default
 * audience, for a client with none); the {@code resource} parameter picks among them.
 */
class TokenAudiencesTest extends HttpTest {

	/** application.yml's {@code auth.tokens.default-audience}. */
	private static final String DEFAULT_AUDIENCE = "http://localhost:8081";

	private static final String BILLING = "https://billing.example.test";

	private static final String REPORTS = "https://reports.example.test/api";

	@Test
	void aClientWithoutAudiencesGetsTheDefaultAudienceAndMayAskForExactlyThatOne() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);

		assertThat(audience(token(m2m, null))).isEqualTo(DEFAULT_AUDIENCE);
		assertThat(audience(token(m2m, DEFAULT_AUDIENCE))).isEqualTo(DEFAULT_AUDIENCE);
		assertInvalidTarget(tokenRequest(m2m, BILLING));
	}

	@Test
	void theResourceParameterMayNameOnlyARegisteredAudience() {
		RegisteredCredentials m2m = withAudiences(BILLING, REPORTS);

		assertThat(audience(token(m2m, BILLING))).isEqualTo(BILLING);
		assertThat(audience(token(m2m, REPORTS))).isEqualTo(REPORTS);
		assertInvalidTarget(tokenRequest(m2m, "https://payroll.example.test"));
		assertInvalidTarget(tokenRequest(m2m, DEFAULT_AUDIENCE));
		assertInvalidTarget(tokenRequest(m2m, BILLING + "/"));
	}

	@Test
	void withoutAResourceParameterTheTokenIsForEveryRegisteredAudience() {
		RegisteredCredentials m2m = withAudiences(BILLING, REPORTS);

		assertThat(Jwts.claims(token(m2m, null)).get("aud")).isEqualTo(List.of(BILLING, REPORTS));
	}

	@Test
	void theRuleHoldsOnTheUserGrantsToo() {
		RegisteredCredentials cli = register(NewClient.of(null, "cli with an API", ClientType.CLI, Set.of(),
				Set.of("notes.read"), true).withAudiences(Set.of(BILLING)));

		assertInvalidTarget(passwordGrant(cli, "https://payroll.example.test"));
		String token = passwordGrant(cli, BILLING).then().statusCode(200).extract().path("access_token");
		assertThat(audience(token)).isEqualTo(BILLING);
	}

	private RegisteredCredentials withAudiences(String... audiences) {
		return register(NewClient.of(null, "API caller", ClientType.M2M, Set.of(), Set.of("notes.read"), true)
			.withAudiences(new LinkedHashSet<>(List.of(audiences))));
	}

	private Response passwordGrant(RegisteredCredentials cli, String resource) {
		return tokenRequest(cli).formParam("grant_type", "password")
			.formParam("username", newUser())
			.formParam("password", USER_PASSWORD)
			.formParam("resource", resource)
			.post("/oauth2/token");
	}

	private static Response tokenRequest(RegisteredCredentials client, String resource) {
		var request = tokenRequest(client).formParam("grant_type", "client_credentials");
		if (resource != null) {
			request.formParam("resource", resource);
		}
		return request.post("/oauth2/token");
	}

	private static String token(RegisteredCredentials client, String resource) {
		return tokenRequest(client, resource).then().statusCode(200).extract().path("access_token");
	}

	private static Object audience(String token) {
		return Jwts.claims(token).get("aud");
	}

	private static void assertInvalidTarget(Response response) {
		response.then().statusCode(400).body("error", equalTo("invalid_target"));
	}

}

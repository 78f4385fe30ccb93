package dev.oauthplatform.auth.config;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Metrics an operator's dashboard needs: protocol endpoints named, tokens counted. */
class ProtocolEndpointMetricsTest extends HttpTest {

	@Test
	void theTokenEndpointAndDiscoveryAreNamedAndOtherPathsAreNot() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		clientCredentials(m2m);
		given().get("/.well-known/openid-configuration/").then().statusCode(200);
		given().post("/oauth2/token/made-up-" + System.nanoTime());

		String metrics = management().get("/actuator/prometheus").then().statusCode(200).extract().asString();

		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/oauth2/token\"")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/.well-known/openid-configuration\"")
			.doesNotContain("made-up-");
	}

	@Test
	void issuedTokensAreCountedByGrantAndClient() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		clientCredentials(m2m);
		clientCredentials(m2m);
		tokenRequest(m2m).formParam("grant_type", "client_credentials").formParam("scope", "not-registered")
			.post("/oauth2/token")
			.then()
			.statusCode(400);

		String metrics = management().get("/actuator/prometheus").then().statusCode(200).extract().asString();

		assertThat(metrics).containsPattern("oauth_tokens_issued_total\\{[^}]*client_id=\"" + m2m.clientId()
				+ "\"[^}]*grant_type=\"client_credentials\"[^}]*\\} 2\\.0");
	}

}

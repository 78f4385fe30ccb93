package dev.oauthplatform.auth.config;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP server metrics name the protocol endpoints, and only those, instead of uri="UNKNOWN". */
class ProtocolEndpointMetricsTest extends HttpTest {

	@Test
	void theTokenEndpointAndDiscoveryAreNamedAndOtherPathsAreNot() {
		clientCredentials(register(ClientType.M2M, Set.of(), Set.of("notes.read"), true));
		given().get("/.well-known/openid-configuration/").then().statusCode(200);
		given().post("/oauth2/token/made-up-" + System.nanoTime());

		String metrics = given().get("/actuator/prometheus").then().statusCode(200).extract().asString();

		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/oauth2/token\"")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/.well-known/openid-configuration\"")
			.doesNotContain("made-up-");
	}

}

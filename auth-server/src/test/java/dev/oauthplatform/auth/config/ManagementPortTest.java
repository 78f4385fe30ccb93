package dev.oauthplatform.auth.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Health, probes and metrics answer on the management port (9090 unless MANAGEMENT_PORT says
 * otherwise), which an operator keeps off the internet; the public port knows none of them.
 */
class ManagementPortTest extends HttpTest {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
	void probesAnswerOnTheManagementPort(String probe) {
		management().get(probe).then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void metricsOfThePublicPortAnswerOnTheManagementPort() {
		given().get("/oauth2/jwks").then().statusCode(200);

		management().get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString("uri=\"/oauth2/jwks\""))
			.body(containsString("oauth_keys"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
			"/actuator/health/liveness", "/actuator/info", "/actuator" })
	void thePublicPortKnowsNoneOfThem(String path) {
		given().get(path).then().statusCode(404).body(not(containsString("oauth_")));
	}

}

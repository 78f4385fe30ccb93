package dev.oauthplatform.resource.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthplatform.resource.support.ApiTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Health, probes and metrics answer on the management port (8091 unless MANAGEMENT_PORT says
 * otherwise); the public port, where tokens are presented, knows none of them.
 */
class ManagementPortTest extends ApiTest {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
	void probesAnswerOnTheManagementPortWithoutAToken(String probe) {
		management().get(probe).then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void metricsOfThePublicPortAnswerOnTheManagementPort() {
		bearing(issuer.token().sign()).get("/api/me").then().statusCode(200);

		management().get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString("http_server_requests_seconds_count"))
			.body(containsString("uri=\"/api/me\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
			"/actuator/info", "/actuator" })
	void thePublicPortKnowsNoneOfThem(String path) {
		given().get(path).then().statusCode(404);
	}

}

package dev.oauthplatform.admin.config;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Health, probes and metrics answer on the management port (8090 unless MANAGEMENT_PORT says
 * otherwise), without signing in; the console's own port knows none of them. No auth-server runs
 * here (port 1 refuses): the console is up without it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "admin-ui.issuer=http://127.0.0.1:1", "admin-ui.client-secret=test-secret" })
class ManagementPortTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
	void probesAnswerOnTheManagementPortWithoutSigningIn(String probe) {
		management().get(probe).then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void metricsOfTheConsoleAnswerOnTheManagementPort() {
		given().port(this.port).get("/signed-out").then().statusCode(200);

		management().get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString("uri=\"/signed-out\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
			"/actuator/info", "/actuator" })
	void theConsolePortKnowsNoneOfThem(String path) {
		given().port(this.port).redirects().follow(false).get(path).then().statusCode(404);
	}

	private RequestSpecification management() {
		return given().port(this.managementPort);
	}

}

package dev.oauthplatform.admin.config;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer names its request in {@code X-Request-Id}: the caller's id when sane, a new one
 * otherwise. No auth-server runs here (port 1 refuses); the console's refusals are the security
 * chain's redirect to sign in and its 403 for a form without a CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "admin-ui.issuer=http://127.0.0.1:1", "admin-ui.client-secret=test-secret" })
class RequestIdTest {

	private static final String GENERATED = "[A-Za-z0-9_-]{22}";

	@LocalServerPort
	int port;

	@BeforeEach
	void pointRestAssuredAtTheConsole() {
		RestAssured.port = this.port;
		RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
	}

	@Test
	void aNormalAnswerCarriesAGeneratedId() {
		String id = given().get("/signed-out").then().statusCode(200).extract().header("X-Request-Id");
		assertThat(id).matches(GENERATED);
		String next = given().get("/signed-out").then().statusCode(200).extract().header("X-Request-Id");
		assertThat(next).matches(GENERATED).isNotEqualTo(id);
	}

	@Test
	void refusalsAndErrorsCarryAnIdToo() {
		assertThat(given().redirects().follow(false).get("/clients").then().statusCode(302).extract().header("X-Request-Id"))
			.matches(GENERATED);
		assertThat(given().post("/logout").then().statusCode(403).extract().header("X-Request-Id")).matches(GENERATED);
		assertThat(given().get("/css/no-such.css").then().statusCode(404).extract().header("X-Request-Id"))
			.matches(GENERATED);
	}

	@Test
	void aSaneIncomingIdIsEchoed() {
		String incoming = "edge-7f3a.b_c-" + "x".repeat(50);
		given().header("X-Request-Id", incoming).get("/signed-out").then().statusCode(200).header("X-Request-Id", incoming);
	}

	@Test
	void anInsaneIncomingIdIsReplaced() {
		for (String insane : new String[] { "x".repeat(65), "a b", "id\"injected", "ключ", "a/b", "" }) {
			String id = given().header("X-Request-Id", insane)
				.get("/signed-out")
				.then()
				.statusCode(200)
				.extract()
				.header("X-Request-Id");
			assertThat(id).as("for %s", insane).matches(GENERATED);
		}
	}

}

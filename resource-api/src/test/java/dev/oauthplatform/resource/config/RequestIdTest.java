package dev.oauthplatform.resource.config;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.resource.support.ApiTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every answer names its request in {@code X-Request-Id}: the caller's id when sane, a new one otherwise. */
class RequestIdTest extends ApiTest {

	private static final String GENERATED = "[A-Za-z0-9_-]{22}";

	@Test
	void aNormalAnswerCarriesAGeneratedId() {
		String id = bearing(issuer.token().sign()).get("/api/me").then().statusCode(200).extract().header("X-Request-Id");
		assertThat(id).matches(GENERATED);
		String next = bearing(issuer.token().sign()).get("/api/me").then().statusCode(200).extract().header("X-Request-Id");
		assertThat(next).matches(GENERATED).isNotEqualTo(id);
	}

	@Test
	void refusalsCarryAnIdToo() {
		assertThat(given().get("/api/me").then().statusCode(401).extract().header("X-Request-Id")).matches(GENERATED);
		assertThat(bearing("not-a-token").get("/api/me").then().statusCode(401).extract().header("X-Request-Id"))
			.matches(GENERATED);
		assertThat(bearing(issuer.token().scope("").sign()).get("/api/notes")
			.then()
			.statusCode(403)
			.extract()
			.header("X-Request-Id")).matches(GENERATED);
	}

	@Test
	void aSaneIncomingIdIsEchoed() {
		String incoming = "edge-7f3a.b_c-" + "x".repeat(50);
		given().header("X-Request-Id", incoming).get("/api/me").then().statusCode(401).header("X-Request-Id", incoming);
	}

	@Test
	void anInsaneIncomingIdIsReplaced() {
		for (String insane : new String[] { "x".repeat(65), "a b", "id\"injected", "ключ", "a/b", "" }) {
			String id = given().header("X-Request-Id", insane)
				.get("/api/me")
				.then()
				.statusCode(401)
				.extract()
				.header("X-Request-Id");
			assertThat(id).as("for %s", insane).matches(GENERATED);
		}
	}

}

package dev.oauthplatform.auth.config;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every answer names its request in {@code X-Request-Id}: the caller's id when sane, a new one otherwise. */
class RequestIdTest extends HttpTest {

	private static final String GENERATED = "[A-Za-z0-9_-]{22}";

	@Test
	void aNormalAnswerCarriesAGeneratedId() {
		String id = given().get("/.well-known/openid-configuration")
			.then()
			.statusCode(200)
			.extract()
			.header("X-Request-Id");
		assertThat(id).matches(GENERATED);
		String next = given().get("/.well-known/openid-configuration").then().extract().header("X-Request-Id");
		assertThat(next).matches(GENERATED).isNotEqualTo(id);
	}

	@Test
	void refusalsAndErrorsCarryAnIdToo() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of(), true);
		assertThat(tokenRequest(new RegisteredCredentials(m2m.clientId(), "not-the-secret"))
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(401)
			.extract()
			.header("X-Request-Id")).matches(GENERATED);
		assertThat(given().get("/admin/api/clients").then().statusCode(401).extract().header("X-Request-Id"))
			.matches(GENERATED);
		assertThat(admin().get("/admin/api/clients/{id}", "no-such-client")
			.then()
			.statusCode(404)
			.extract()
			.header("X-Request-Id")).matches(GENERATED);
	}

	@Test
	void aSaneIncomingIdIsEchoed() {
		String incoming = "edge-7f3a.b_c-" + "x".repeat(50);
		given().header("X-Request-Id", incoming)
			.get("/.well-known/openid-configuration")
			.then()
			.statusCode(200)
			.header("X-Request-Id", incoming);
		given().header("X-Request-Id", "abc")
			.get("/admin/api/clients")
			.then()
			.statusCode(401)
			.header("X-Request-Id", "abc");
	}

	@Test
	void anInsaneIncomingIdIsReplaced() {
		for (String insane : new String[] { "x".repeat(65), "a b", "id\"injected", "ключ", "a/b", "" }) {
			String id = given().header("X-Request-Id", insane)
				.get("/.well-known/openid-configuration")
				.then()
				.statusCode(200)
				.extract()
				.header("X-Request-Id");
			assertThat(id).as("for %s", insane).matches(GENERATED);
		}
	}

}

package dev.oauthplatform.auth.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /admin/api/clients/validate}: the dry run of a registration the console asks as the
 * admin types. It answers with the server's own words and stores nothing.
 */
class ClientValidationTest extends HttpTest {

	@Test
	void aRegistrationThatWouldSucceedIsValidWithNoProblems() {
		JsonPath answer = validate(Map.of("client_id", "valid-" + UUID.randomUUID(), "client_name", "Shop",
				"client_type", "web", "redirect_uris", List.of("https://shop.example.com/callback"),
				"post_logout_redirect_uris", List.of("https://shop.example.com/signed-out")));
		assertThat(answer.getBoolean("valid")).isTrue();
		assertThat(answer.getList("problems")).isEmpty();
	}

	@Test
	void eachRefusedRedirectUriIsAProblemOfItsOwnInTheServersWords() {
		String clientId = "never-stored-" + UUID.randomUUID();
		JsonPath answer = validate(Map.of("client_id", clientId, "client_name", "Shop", "client_type", "web",
				"redirect_uris", List.of("https://*.shop.example.com/callback", "https://shop.example.com/ok",
						"http://shop.example.com/callback")));
		assertThat(answer.getBoolean("valid")).isFalse();
		assertThat(answer.getList("problems")).hasSize(2);
		assertThat(answer.getList("problems.field")).containsOnly("redirect_uris");
		assertThat(answer.getList("problems.error")).containsOnly("invalid_redirect_uri");
		assertThat(answer.getList("problems.value")).containsExactly("https://*.shop.example.com/callback",
				"http://shop.example.com/callback");
		assertThat(answer.getList("problems.error_description")).containsExactly(
				"Redirect URI 'https://*.shop.example.com/callback': wildcards not allowed: "
						+ "register each redirect URI exactly",
				"Redirect URI 'http://shop.example.com/callback': http only for loopback hosts "
						+ "(localhost, 127.0.0.1, [::1]); use https");

		admin().get("/admin/api/clients/{id}", clientId).then().statusCode(404);
	}

	@Test
	void theWordsAreThoseRegistrationAnswersWith() {
		Map<String, Object> body = Map.of("client_name", "Desktop", "client_type", "native",
				"redirect_uris", List.of("http://localhost/callback"));
		String refusal = admin().body(Json.of(body))
			.post("/admin/api/clients")
			.then()
			.statusCode(400)
			.extract()
			.path("error_description");
		assertThat(validate(body).getString("problems[0].error_description")).isEqualTo(refusal)
			.contains("RFC 8252");
	}

	@Test
	void postLogoutRedirectUrisAreCheckedOneByOneToo() {
		JsonPath answer = validate(Map.of("client_name", "Shop", "client_type", "spa",
				"redirect_uris", List.of("https://shop.example.com/app/"),
				"post_logout_redirect_uris", List.of("https://shop.example.com/bye#x")));
		assertThat(answer.getList("problems.field")).containsExactly("post_logout_redirect_uris");
		assertThat(answer.getList("problems.value")).containsExactly("https://shop.example.com/bye#x");
	}

	@Test
	void whenTheUrisAreFineTheWholeRegistrationIsCheckedAsRegistrationWould() {
		JsonPath answer = validate(Map.of("client_type", "web",
				"redirect_uris", List.of("https://shop.example.com/callback")));
		assertThat(answer.getBoolean("valid")).isFalse();
		assertThat(answer.getList("problems")).hasSize(1);
		assertThat(answer.getString("problems[0].field")).isNull();
		assertThat(answer.getString("problems[0].error")).isEqualTo("invalid_client_metadata");
		assertThat(answer.getString("problems[0].error_description")).startsWith("client_name is required");

		JsonPath noUris = validate(Map.of("client_name", "Shop", "client_type", "web"));
		assertThat(noUris.getString("problems[0].field")).isEqualTo("redirect_uris");
		assertThat(noUris.getString("problems[0].error_description"))
			.contains("authorization_code needs at least one redirect URI");

		JsonPath unknownType = validate(Map.of("client_name", "Shop", "client_type", "toaster"));
		assertThat(unknownType.getString("problems[0].field")).isEqualTo("client_type");
	}

	@Test
	void malformedJsonIsAnInvalidRequest() {
		admin().body("{\"client_name\": ")
			.post("/admin/api/clients/validate")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"));
	}

	@Test
	void aTokenIsNeeded() {
		given().contentType("application/json")
			.body(Json.of(Map.of("client_name", "Shop", "client_type", "m2m")))
			.post("/admin/api/clients/validate")
			.then()
			.statusCode(401);
	}

	private static JsonPath validate(Map<String, ?> body) {
		return admin().body(Json.of(body))
			.post("/admin/api/clients/validate")
			.then()
			.statusCode(200)
			.header("Cache-Control", "no-store")
			.extract()
			.jsonPath();
	}

}

package dev.oauthplatform.system;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Browser;
import dev.oauthplatform.system.support.Pkce;

import static org.hamcrest.Matchers.equalTo;

/**
 * A confidential backend (a first-party BFF): the user signs in, no consent is asked, and the
 * backend exchanges the code with its secret, calls the API, and refreshes.
 */
class WebBackendJourneyTest extends PlatformTest {

	private static final String REDIRECT_URI = "https://shop.example.test/login/oauth2/code/shop";

	@Test
	void theBackendExchangesItsCodeWithItsSecretAndRefreshes() {
		JsonPath client = admin.register(Map.of("client_name", "Shop backend", "client_type", "web",
				"first_party", true, "redirect_uris", List.of(REDIRECT_URI), "scope", "notes.read notes.write"));
		String clientId = client.getString("client_id");
		String secret = client.getString("client_secret");
		String username = admin.createUser(PASSWORD);
		Pkce pkce = Pkce.create();

		Map<String, String> callback = new Browser(platform.authServer()).authorize(
				authorizeRequest(clientId, REDIRECT_URI, pkce, "notes.read notes.write"), username, PASSWORD,
				List.of());

		JsonPath tokens = authServer().auth()
			.preemptive()
			.basic(clientId, secret)
			.formParam("grant_type", "authorization_code")
			.formParam("code", callback.get("code"))
			.formParam("redirect_uri", REDIRECT_URI)
			.formParam("code_verifier", pkce.verifier())
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		resourceApi(tokens.getString("access_token")).contentType("application/json")
			.body("{\"title\": \"Order 42\", \"body\": \"ship on Monday\"}")
			.post("/api/notes")
			.then()
			.statusCode(201);

		String refreshed = authServer().auth()
			.preemptive()
			.basic(clientId, secret)
			.formParam("grant_type", "refresh_token")
			.formParam("refresh_token", tokens.getString("refresh_token"))
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
		resourceApi(refreshed).get("/api/notes").then().statusCode(200).body("title", equalTo(List.of("Order 42")));
	}

	@Test
	void aCodeExchangedWithoutTheSecretIsRefused() {
		JsonPath client = admin.register(Map.of("client_name", "Shop backend", "client_type", "web",
				"first_party", true, "redirect_uris", List.of(REDIRECT_URI), "scope", "notes.read"));
		String clientId = client.getString("client_id");
		Pkce pkce = Pkce.create();
		Map<String, String> callback = new Browser(platform.authServer()).authorize(
				authorizeRequest(clientId, REDIRECT_URI, pkce, "notes.read"), admin.createUser(PASSWORD), PASSWORD,
				List.of());

		authServer().formParam("grant_type", "authorization_code")
			.formParam("client_id", clientId)
			.formParam("code", callback.get("code"))
			.formParam("redirect_uri", REDIRECT_URI)
			.formParam("code_verifier", pkce.verifier())
			.post("/oauth2/token")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_client"));
	}

}

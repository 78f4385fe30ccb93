package dev.oauthplatform.system;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Browser;
import dev.oauthplatform.system.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A single-page app (public, PKCE) of a third party: the user signs in on the HTML form,
 * consents to one of two scopes, and the app uses exactly what was consented to.
 */
class SpaUserJourneyTest extends PlatformTest {

	private static final String REDIRECT_URI = "http://127.0.0.1:4200/callback";

	@Test
	void aUserSignsInConsentsAndTheSpaUsesWhatWasConsented() {
		String clientId = admin.register(Map.of("client_name", "Notes SPA", "client_type", "spa", "redirect_uris",
				List.of(REDIRECT_URI), "scope", "notes.read notes.write")).getString("client_id");
		String username = admin.createUser(PASSWORD);
		Pkce pkce = Pkce.create();
		Map<String, String> request = authorizeRequest(clientId, REDIRECT_URI, pkce, "notes.read notes.write");

		Map<String, String> callback = new Browser(platform.authServer()).authorize(request, username, PASSWORD,
				List.of("notes.read"));

		assertThat(callback).containsEntry("state", request.get("state")).containsEntry("iss", platform.authServer());
		JsonPath tokens = exchange(clientId, callback.get("code"), pkce.verifier()).then()
			.statusCode(200)
			.body("scope", equalTo("notes.read"))
			.extract()
			.jsonPath();
		assertThat(tokens.getString("refresh_token")).isNotBlank();

		String accessToken = tokens.getString("access_token");
		resourceApi(accessToken).get("/api/me").then().statusCode(200).body("username", equalTo(username));
		resourceApi(accessToken).get("/api/notes").then().statusCode(200);
		resourceApi(accessToken).contentType("application/json")
			.body("{\"title\": \"not allowed\", \"body\": \"\"}")
			.post("/api/notes")
			.then()
			.statusCode(403)
			.header("WWW-Authenticate", containsString("insufficient_scope"));
	}

	@Test
	void aCodeWithoutItsVerifierIsWorthNothing() {
		String clientId = admin.register(Map.of("client_name", "Notes SPA", "client_type", "spa", "redirect_uris",
				List.of(REDIRECT_URI), "scope", "notes.read", "first_party", true)).getString("client_id");
		String username = admin.createUser(PASSWORD);
		Map<String, String> callback = new Browser(platform.authServer())
			.authorize(authorizeRequest(clientId, REDIRECT_URI, Pkce.create(), "notes.read"), username, PASSWORD,
					List.of());

		exchange(clientId, callback.get("code"), Pkce.create().verifier()).then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
	}

	/** The SPA's code exchange: public, so its client_id and the PKCE verifier stand in for a secret. */
	private static Response exchange(String clientId, String code, String verifier) {
		return authServer().formParam("grant_type", "authorization_code")
			.formParam("client_id", clientId)
			.formParam("code", code)
			.formParam("redirect_uri", REDIRECT_URI)
			.formParam("code_verifier", verifier)
			.post("/oauth2/token");
	}

}

package dev.oauthplatform.auth;

import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Seed 002's curl commands, sent as written (form bodies, trailing slashes, no scope, no PKCE,
 * no state, client_secret_post), against a legacy web client and the public CLI client "test".
 */
class Seed002Test extends HttpTest {

	private static final String FRONT_END = "http://localhost:3000/login/";

	@Autowired
	private OAuthClientRepository clients;

	@Test
	void theAuthorizationCodeFlowOfTheDashboardWebClient() {
		RegisteredCredentials dashboard = register(NewClient
			.of(null, "Dashboard", ClientType.WEB, Set.of(FRONT_END), Set.of("openid", "notes.read"), true)
			.withAuthMethod("client_secret_post")
			.withRequirePkce(false));
		BrowserFlow browser = new BrowserFlow(baseUrl());

		// http://localhost:8000/oauth2/authorize/?response_type=code&client_id=<client_id>&redirect_uri=<front_end_app_uri>
		Response redirectToLogin = browser.browser()
			.urlEncodingEnabled(false)
			.get(baseUrl() + "/oauth2/authorize/?response_type=code&client_id=" + dashboard.clientId()
					+ "&redirect_uri=" + FRONT_END);
		Response redirect = browser.signIn(redirectToLogin, newUser(), USER_PASSWORD);
		assertThat(redirect.header("Location")).startsWith(FRONT_END + "?code=");
		String code = BrowserFlow.redirectParameters(redirect).get("code");

		// curl -X POST -H "Cache-Control: no-cache" -H "Content-Type: application/x-www-form-urlencoded"
		// "http://localhost:8000/oauth2/token/" -d "client_id=..." -d "client_secret=..." -d "code=..."
		// -d "redirect_uri=..." -d "grant_type=authorization_code"
		Response tokens = given().header("Cache-Control", "no-cache")
			.contentType("application/x-www-form-urlencoded")
			.body("client_id=" + dashboard.clientId() + "&client_secret=" + dashboard.clientSecret() + "&code=" + code
					+ "&redirect_uri=" + FRONT_END + "&grant_type=authorization_code")
			.post("/oauth2/token/");
		tokens.then()
			.statusCode(200)
			.body("token_type", equalTo("Bearer"))
			.body("access_token", notNullValue())
			.body("refresh_token", notNullValue())
			.body("expires_in", notNullValue())
			.body("scope", notNullValue());

		// curl -H "Authorization: Bearer <access_token>" http://localhost:8000/<api_route>
		given().header("Authorization", "Bearer " + tokens.path("access_token")).get("/userinfo").then().statusCode(200);

		// curl -X POST -d "grant_type=refresh_token&refresh_token=<refresh_token>&client_id=<client_id>&client_secret=<your_client_secret>"
		// http://localhost:8000/oauth2/token/
		given().contentType("application/x-www-form-urlencoded")
			.body("grant_type=refresh_token&refresh_token=" + tokens.path("refresh_token") + "&client_id="
					+ dashboard.clientId() + "&client_secret=" + dashboard.clientSecret())
			.post("/oauth2/token/")
			.then()
			.statusCode(200)
			.body("access_token", notNullValue());
	}

	@Test
	void theRopcFlowOfTheCliWithThePublicClientNamedTest() {
		if (!this.clients.existsByClientId("test")) {
			register(NewClient.of("test", "Seed 002 CLI", ClientType.CLI, Set.of(), Set.of("notes.read"), true));
		}

		// curl -X POST -H "Cache-Control: no-cache" -H "Content-Type: application/x-www-form-urlencoded"
		// "http://localhost:8000/oauth2/token/" -d "client_id=test" -d "username=admin" -d "password=admin"
		// -d "grant_type=password"
		given().header("Cache-Control", "no-cache")
			.contentType("application/x-www-form-urlencoded")
			.body("client_id=test&username=admin&password=admin&grant_type=password")
			.post("/oauth2/token/")
			.then()
			.statusCode(200)
			.body("token_type", equalTo("Bearer"))
			.body("access_token", notNullValue())
			.body("refresh_token", notNullValue());
	}

}

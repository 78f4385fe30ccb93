package dev.oauthplatform.auth;

import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin console's logout (OpenID Connect RP-Initiated Logout) ends the sign-in at auth-server too. */
class RpInitiatedLogoutTest extends HttpTest {

	private static final RegisteredCredentials CONSOLE = new RegisteredCredentials("admin-console",
			"admin-console-test-secret");

	private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/admin-console";

	private static final String AFTER_LOGOUT = "http://localhost:8080/";

	@Test
	void theConsolesLogoutEndsTheServerSessionAndReturnsToTheConsole() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Pkce pkce = Pkce.create();
		Response redirect = browser.signIn(
				browser.authorize(CodeFlow.request(CONSOLE, REDIRECT_URI, pkce, "openid profile admin")),
				ADMIN_USERNAME, ADMIN_PASSWORD);
		String idToken = CodeFlow
			.exchange(CONSOLE, BrowserFlow.redirectParameters(redirect).get("code"), REDIRECT_URI, pkce.verifier())
			.then()
			.statusCode(200)
			.extract()
			.path("id_token");

		Response logout = browser.browser()
			.queryParam("id_token_hint", idToken)
			.queryParam("post_logout_redirect_uri", AFTER_LOGOUT)
			.get(baseUrl() + "/connect/logout");

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.header("Location")).isEqualTo(AFTER_LOGOUT);
		Response again = browser.authorize(CodeFlow.request(CONSOLE, REDIRECT_URI, Pkce.create(), "openid admin"));
		assertThat(again.header("Location")).endsWith("/login");
	}

	@Test
	void anUnregisteredPostLogoutRedirectIsRefused() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Pkce pkce = Pkce.create();
		Response redirect = browser.signIn(
				browser.authorize(CodeFlow.request(CONSOLE, REDIRECT_URI, pkce, "openid admin")), ADMIN_USERNAME,
				ADMIN_PASSWORD);
		String idToken = CodeFlow
			.exchange(CONSOLE, BrowserFlow.redirectParameters(redirect).get("code"), REDIRECT_URI, pkce.verifier())
			.then()
			.extract()
			.path("id_token");

		Response logout = browser.browser()
			.queryParams(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", "https://evil.example/"))
			.get(baseUrl() + "/connect/logout");

		assertThat(logout.statusCode()).isEqualTo(400);
	}

}

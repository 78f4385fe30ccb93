package dev.oauthplatform.auth.signout;

import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out (OpenID Connect RP-Initiated Logout), as the admin console asks for it: the user
 * confirms on a page of ours, then goes back to the console's registered post-logout URI.
 */
class RpInitiatedSignOutTest extends HttpTest {

	private static final RegisteredCredentials CONSOLE = new RegisteredCredentials("admin-console",
			"admin-console-test-secret");

	private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/admin-console";

	private static final String AFTER_LOGOUT = "http://localhost:8080/";

	@Test
	void theConsolesSignOutIsConfirmedThenEndsTheServerSessionAndReturnsToTheConsoleWithState() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		String idToken = signInToTheConsole(browser);

		Response logout = browser.browser()
			.queryParams(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", AFTER_LOGOUT, "state", "s-1"))
			.get(baseUrl() + "/connect/logout");

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.header("Location")).endsWith("/signout");
		Response confirmation = browser.follow(logout);
		assertThat(confirmation.statusCode()).isEqualTo(200);
		assertThat(confirmation.asString()).contains("Sign out?", "Admin console").doesNotContain(idToken);
		Response signedOut = browser.submit(confirmation, "/signout");
		assertThat(signedOut.header("Location")).isEqualTo(AFTER_LOGOUT + "?state=s-1");
		Response again = browser.authorize(CodeFlow.request(CONSOLE, REDIRECT_URI, Pkce.create(), "openid admin"));
		assertThat(again.header("Location")).endsWith("/login");
	}

	@Test
	void withoutConfirmingTheUserStaysSignedIn() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		String idToken = signInToTheConsole(browser);

		browser.follow(browser.browser()
			.queryParams(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", AFTER_LOGOUT))
			.get(baseUrl() + "/connect/logout"));

		Response again = browser.authorize(CodeFlow.request(CONSOLE, REDIRECT_URI, Pkce.create(), "openid admin"));
		assertThat(BrowserFlow.redirectParameters(again)).containsKey("code");
	}

	@Test
	void signingOutWithoutTheCsrfTokenIsRefused() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		signInToTheConsole(browser);

		Response forged = browser.browser().contentType("application/x-www-form-urlencoded").post(baseUrl() + "/signout");

		assertThat(forged.statusCode()).isEqualTo(403);
		Response again = browser.authorize(CodeFlow.request(CONSOLE, REDIRECT_URI, Pkce.create(), "openid admin"));
		assertThat(BrowserFlow.redirectParameters(again)).containsKey("code");
	}

	@Test
	void withNoOneSignedInTheBrowserGoesStraightBackToTheApplication() {
		String idToken = signInToTheConsole(new BrowserFlow(baseUrl()));

		Response logout = new BrowserFlow(baseUrl()).browser()
			.queryParams(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", AFTER_LOGOUT))
			.get(baseUrl() + "/connect/logout");

		assertThat(logout.header("Location")).isEqualTo(AFTER_LOGOUT);
	}

	@Test
	void anUnregisteredPostLogoutRedirectIsRefusedInWordsAndNotFollowed() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		String idToken = signInToTheConsole(browser);

		Response logout = browser.browser()
			.queryParams(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", "https://evil.example/"))
			.get(baseUrl() + "/connect/logout");

		assertThat(logout.statusCode()).isEqualTo(400);
		assertThat(logout.header("Location")).isNull();
		assertThat(logout.asString()).contains("This sign-out return address is not registered",
				"“https://evil.example/”", "You are still signed in");
	}

	@Test
	void aSignOutTheUserChoosesEndsOnTheSignedOutPage() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		signInToTheConsole(browser);

		Response confirmation = browser.page("/signout");
		Response signedOut = browser.submit(confirmation, "/signout");

		assertThat(signedOut.header("Location")).endsWith("/signed-out");
		assertThat(browser.follow(signedOut).asString()).contains("You have signed out");
		assertThat(browser.page("/account/apps").header("Location")).endsWith("/login");
	}

	private String signInToTheConsole(BrowserFlow browser) {
		Pkce pkce = Pkce.create();
		Response redirect = browser.signIn(
				browser.authorize(CodeFlow.request(CONSOLE, REDIRECT_URI, pkce, "openid profile admin")),
				ADMIN_USERNAME, ADMIN_PASSWORD);
		return CodeFlow
			.exchange(CONSOLE, BrowserFlow.redirectParameters(redirect).get("code"), REDIRECT_URI, pkce.verifier())
			.then()
			.statusCode(200)
			.extract()
			.path("id_token");
	}

}

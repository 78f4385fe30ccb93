package dev.oauthplatform.auth.authorize;

import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that cannot go back to the application (RFC 6749 §4.1.2.1): the user stays here and
 * reads what is wrong; the developer reads what to check.
 */
class ErrorPageTest extends HttpTest {

	private static final String REGISTERED = "https://shop.example.test/callback";

	@Test
	void anUnregisteredRedirectUriIsExplainedAndNeverFollowed() {
		RegisteredCredentials shop = register(
				NewClient.of(null, "Corner Shop", ClientType.WEB, Set.of(REGISTERED), Set.of("notes.read"), true));
		Map<String, String> request = CodeFlow.request(shop, "https://attacker.example.test/steal", Pkce.create(),
				"notes.read");

		Response response = new BrowserFlow(baseUrl()).authorize(request);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.header("Location")).isNull();
		Document page = Jsoup.parse(response.asString());
		assertThat(page.selectFirst("h1").text()).isEqualTo("This application's return address is not registered");
		assertThat(page.selectFirst("#refusal-problem").text()).contains("“Corner Shop”",
				"“https://attacker.example.test/steal”", "not registered for this application",
				"you were not sent there");
		assertThat(page.selectFirst("#refusal-check").text()).contains("“" + shop.clientId() + "”", "exactly");
		assertThat(page.selectFirst("#error").text()).isEqualTo("invalid_request");
	}

	@Test
	void anUnknownClientIdIsExplained() {
		Response response = new BrowserFlow(baseUrl()).authorize(Map.of("response_type", "code", "client_id",
				"no-such-app", "redirect_uri", REGISTERED, "state", "s"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.header("Location")).isNull();
		Document page = Jsoup.parse(response.asString());
		assertThat(page.selectFirst("h1").text()).isEqualTo("This application is not known here");
		assertThat(page.selectFirst("#refusal-problem").text()).contains("“no-such-app”");
	}

	@Test
	void aRepeatedClientIdIsExplainedWithoutEchoingEither() {
		Response response = new BrowserFlow(baseUrl()).browser()
			.queryParam("response_type", "code")
			.queryParam("client_id", "one", "two")
			.get(baseUrl() + "/oauth2/authorize");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(response.asString()).selectFirst("#refusal-problem").text()).contains("given 2 times");
	}

	@Test
	void anUnknownPageIsAPageInWordsWithoutATrace() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response login = browser.page("/login");
		browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(login.asString()))
			.formParam("username", newUser())
			.formParam("password", USER_PASSWORD)
			.post(baseUrl() + "/login");

		Response response = browser.browser().accept("text/html").get(baseUrl() + "/no/such/page");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(response.asString()).selectFirst("h1").text()).isEqualTo("This page does not exist");
		assertThat(response.asString()).doesNotContain("Exception", "at dev.oauthplatform");
	}

}

package dev.oauthplatform.auth.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** "My connected apps" (/account/apps): a signed-in user sees what they authorized, and revokes it. */
class ConnectedAppsTest extends HttpTest {

	private static final String REDIRECT = "https://partner.example.test/callback";

	private static final String APPS = "/account/apps";

	@Test
	void aSignedInUserSeesTheAppsTheyAuthorizedWithScopesAndDates() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		RegisteredCredentials partner = partnerApp();
		RegisteredCredentials cli = notesCli();
		String username = newUser();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		JsonPath partnerTokens = consentAndExchange(browser, partner, username);
		// a first-party app: a grant, no consent
		JsonPath cliTokens = passwordGrant(cli, username, USER_PASSWORD).then().statusCode(200).extract().jsonPath();
		Instant after = Instant.now();

		Response page = browser.page(APPS);

		assertThat(page.statusCode()).isEqualTo(200);
		Document html = Jsoup.parse(page.asString());
		assertThat(html.select("html").attr("lang")).isEqualTo("en");
		assertThat(html.select("h1")).hasSize(1);
		assertThat(html.select("section[id^=app-]").eachAttr("id")) // sorted by name
			.containsExactly("app-" + cli.clientId(), "app-" + partner.clientId());

		Element partnerApp = app(html, partner);
		assertThat(partnerApp.select("h2").text()).isEqualTo("Partner App");
		assertThat(partnerApp.select("ul li").eachText()).containsExactly("Read your notes notes.read");
		assertThat(partnerApp.select("button").text()).isEqualTo("Revoke access");
		assertThat(partnerApp.select("button").attr("aria-label")).isEqualTo("Revoke access for Partner App");
		assertThat(partnerApp.select("form").attr("action")).isEqualTo(revokePath(partner));
		Elements times = partnerApp.select("time");
		assertThat(times).hasSize(2); // first authorized, last used
		for (Element time : times) {
			assertThat(Instant.parse(time.attr("datetime"))).isBetween(before, after);
			assertThat(time.text()).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC");
		}

		Element cliApp = app(html, cli);
		assertThat(cliApp.select("h2").text()).isEqualTo("Notes CLI");
		assertThat(cliApp.select("ul li").eachText()).containsExactly("Read your notes notes.read",
				"Create, change and delete your notes notes.write");
		assertThat(cliApp.select("button").attr("aria-label")).isEqualTo("Revoke access for Notes CLI");
		assertThat(cliApp.select("time")).hasSize(2);

		assertThat(page.asString()).doesNotContain(partnerTokens.getString("access_token"),
				partnerTokens.getString("refresh_token"), cliTokens.getString("access_token"),
				cliTokens.getString("refresh_token"));
	}

	@Test
	void aUserWithoutAppsIsToldThatNoApplicationHasAccess() {
		String username = newUser();
		Document html = Jsoup.parse(new BrowserFlow(baseUrl()).signInFor(APPS, username, USER_PASSWORD).asString());
		assertThat(html.select("section[id^=app-]")).isEmpty();
		assertThat(html.select("main").text()).contains("No application has access to your account.");
	}

	@Test
	void revokingAnAppMakesItsRefreshTokenFailWithInvalidGrant() {
		RegisteredCredentials partner = partnerApp();
		RegisteredCredentials cli = notesCli();
		String username = newUser();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		JsonPath partnerTokens = consentAndExchange(browser, partner, username);
		JsonPath cliTokens = passwordGrant(cli, username, USER_PASSWORD).then().statusCode(200).extract().jsonPath();

		Response redirect = browser.submit(browser.page(APPS), revokePath(partner));

		assertThat(redirect.statusCode()).isIn(302, 303);
		assertThat(redirect.header("Location")).endsWith(APPS);
		Document html = Jsoup.parse(browser.follow(redirect).asString());
		assertThat(html.select("#flash").text()).isEqualTo("Partner App no longer has access.");
		assertThat(html.select("#flash").hasClass("success")).isTrue();
		assertThat(html.select("section[id^=app-]").eachAttr("id")).containsExactly("app-" + cli.clientId());
		refresh(partner, partnerTokens.getString("refresh_token")).then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
		introspect(partner, partnerTokens.getString("access_token")).then().body("active", equalTo(false));

		// the other app keeps working until it is revoked too: a grant without a consent
		String cliRefresh = refresh(cli, cliTokens.getString("refresh_token")).then()
			.statusCode(200)
			.extract()
			.path("refresh_token");
		browser.follow(browser.submit(browser.page(APPS), revokePath(cli)));
		refresh(cli, cliRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
		assertThat(Jsoup.parse(browser.page(APPS).asString()).select("section[id^=app-]")).isEmpty();
	}

	@Test
	void revokingAnAppForgetsTheConsentSoTheNextSignInAsksAgain() {
		RegisteredCredentials partner = partnerApp();
		String username = newUser();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		consentAndExchange(browser, partner, username);
		assertThat(codeFlowAfterSignIn(partner, username).header("Location")).as("consent remembered")
			.startsWith(REDIRECT + "?code=");

		browser.submit(browser.page(APPS), revokePath(partner));

		Response afterSignIn = codeFlowAfterSignIn(partner, username);
		assertThat(afterSignIn.statusCode()).isEqualTo(200);
		assertThat(afterSignIn.asString()).contains("id=\"consent-form\"");
	}

	@Test
	void revokingNeedsTheCsrfToken() {
		RegisteredCredentials partner = partnerApp();
		String username = newUser();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		JsonPath tokens = consentAndExchange(browser, partner, username);

		Response withoutToken = browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.post(baseUrl() + revokePath(partner));

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		refresh(partner, tokens.getString("refresh_token")).then().statusCode(200);
		assertThat(Jsoup.parse(browser.page(APPS).asString()).select("section[id^=app-]").eachAttr("id"))
			.containsExactly("app-" + partner.clientId());
	}

	@Test
	void oneUserCannotRevokeAnothersApp() {
		RegisteredCredentials partner = partnerApp();
		RegisteredCredentials cli = notesCli();
		String alice = newUser();
		JsonPath alicesTokens = consentAndExchange(new BrowserFlow(baseUrl()), partner, alice);
		String bob = newUser();
		passwordGrant(cli, bob, USER_PASSWORD).then().statusCode(200); // so that Bob's page has a form
		BrowserFlow bobsBrowser = new BrowserFlow(baseUrl());
		Response bobsPage = bobsBrowser.signInFor(APPS, bob, USER_PASSWORD);

		Response redirect = bobsBrowser.submit(bobsPage, revokePath(partner));

		assertThat(redirect.statusCode()).isIn(302, 303);
		Document html = Jsoup.parse(bobsBrowser.follow(redirect).asString());
		assertThat(html.select("#flash").hasClass("error")).isTrue();
		assertThat(html.select("#flash").text()).startsWith("Nothing to revoke");
		refresh(partner, alicesTokens.getString("refresh_token")).then().statusCode(200);
		assertThat(Jsoup.parse(new BrowserFlow(baseUrl()).signInFor(APPS, alice, USER_PASSWORD).asString())
			.select("section[id^=app-]")
			.eachAttr("id")).containsExactly("app-" + partner.clientId());

		Response unknownApp = bobsBrowser.submit(bobsBrowser.page(APPS), "/account/apps/no-such-app/revoke");
		assertThat(unknownApp.statusCode()).isIn(302, 303);
		assertThat(Jsoup.parse(bobsBrowser.follow(unknownApp).asString()).select("#flash").hasClass("error"))
			.isTrue();
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		Response response = new BrowserFlow(baseUrl()).page(APPS);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");

		// and come back to the page once signed in
		Response page = new BrowserFlow(baseUrl()).signInFor(APPS, newUser(), USER_PASSWORD);
		assertThat(Jsoup.parse(page.asString()).select("h1").text()).isEqualTo("Connected apps");
	}

	private RegisteredCredentials partnerApp() {
		return register(NewClient.of(null, "Partner App", ClientType.WEB, Set.of(REDIRECT),
				Set.of("notes.read", "notes.write"), false));
	}

	private RegisteredCredentials notesCli() {
		return register(NewClient.of(null, "Notes CLI", ClientType.CLI, Set.of(), Set.of("notes.read", "notes.write"),
				true));
	}

	/** Signs in (in this browser), consents to notes.read, and exchanges the code. */
	private static JsonPath consentAndExchange(BrowserFlow browser, RegisteredCredentials client, String username) {
		return CodeFlow.tokensAfterConsent(browser, client, REDIRECT, username, USER_PASSWORD, "notes.read");
	}

	/** A new browser's code flow for notes.read: where it stands right after signing in. */
	private Response codeFlowAfterSignIn(RegisteredCredentials client, String username) {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		return browser.signIn(browser.authorize(CodeFlow.request(client, REDIRECT, Pkce.create(), "notes.read")),
				username, USER_PASSWORD);
	}

	private static Element app(Document html, RegisteredCredentials client) {
		Element app = html.getElementById("app-" + client.clientId());
		assertThat(app).as("section of " + client.clientId()).isNotNull();
		return app;
	}

	private static String revokePath(RegisteredCredentials client) {
		return APPS + "/" + client.clientId() + "/revoke";
	}

}

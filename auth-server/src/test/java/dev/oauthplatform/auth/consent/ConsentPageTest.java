package dev.oauthplatform.auth.consent;

import java.util.List;
import java.util.Set;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent page of a third-party application, and what allowing or denying it does. */
class ConsentPageTest extends HttpTest {

	private static final String REDIRECT_URI = "https://partner.example.test/callback";

	@Test
	void eachScopeIsASentenceAndAnUnregisteredScopeShowsItsName() {
		RegisteredCredentials partner = partner(Set.of("openid", "notes.read", "calendar.sync"));

		Document page = Jsoup.parse(consentPage(new BrowserFlow(baseUrl()), partner, newUser(),
				"openid notes.read calendar.sync").asString());

		assertThat(page.selectFirst("h1").text()).isEqualTo("Partner App wants to access your account");
		assertThat(labelOf(page, "notes.read")).startsWith("Read your notes");
		assertThat(labelOf(page, "calendar.sync")).isEqualTo("calendar.sync");
		assertThat(page.select("input[name=scope][value=openid]")).as("openid is told, not asked").isEmpty();
		assertThat(page.selectFirst("#identity").text()).startsWith("It will also confirm who you are");
	}

	@Test
	void denyRedirectsWithAccessDeniedStateAndIssuer() {
		RegisteredCredentials partner = partner(Set.of("notes.read"));
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response page = consentPage(browser, partner, newUser(), "notes.read");

		Response redirect = browser.deny(page, partner.clientId());

		assertThat(redirect.header("Location")).startsWith(REDIRECT_URI + "?");
		assertThat(BrowserFlow.redirectParameters(redirect)).containsEntry("error", "access_denied")
			.containsEntry("state", "xyz-state")
			.containsEntry("iss", "http://localhost:9000")
			.doesNotContainKey("code");
	}

	@Test
	void aNewScopeIsAskedAloneAndTheEarlierOnesAreListedAsAllowed() {
		RegisteredCredentials partner = partner(Set.of("notes.read", "notes.write"));
		BrowserFlow browser = new BrowserFlow(baseUrl());
		String user = newUser();
		allow(browser, consentPage(browser, partner, user, "notes.read"), partner, List.of("notes.read"));

		Document page = Jsoup.parse(browser.follow(browser.authorize(request(partner, "notes.read notes.write")))
			.asString());

		assertThat(page.select("input[name=scope]").eachAttr("value")).containsExactly("notes.write");
		assertThat(page.selectFirst("#allowed-before").text()).contains("Read your notes");
	}

	@Test
	void denyingANewScopeSendsAccessDeniedNotTheScopesAllowedBefore() {
		RegisteredCredentials partner = partner(Set.of("notes.read", "notes.write"));
		BrowserFlow browser = new BrowserFlow(baseUrl());
		String user = newUser();
		allow(browser, consentPage(browser, partner, user, "notes.read"), partner, List.of("notes.read"));
		Response page = browser.follow(browser.authorize(request(partner, "notes.read notes.write")));

		Response redirect = browser.deny(page, partner.clientId());

		assertThat(BrowserFlow.redirectParameters(redirect)).containsEntry("error", "access_denied")
			.doesNotContainKey("code");
	}

	@Test
	void aRememberedConsentIsNotAskedAgain() {
		RegisteredCredentials partner = partner(Set.of("notes.read"));
		BrowserFlow browser = new BrowserFlow(baseUrl());
		allow(browser, consentPage(browser, partner, newUser(), "notes.read"), partner, List.of("notes.read"));

		Response again = browser.authorize(request(partner, "notes.read"));

		assertThat(BrowserFlow.redirectParameters(again)).containsKey("code");
	}

	@Test
	void manyLongScopesAreAllowedRememberedAndIssued() {
		List<String> scopes = longScopes(40);
		RegisteredCredentials partner = partner(new java.util.LinkedHashSet<>(scopes));
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Pkce pkce = Pkce.create();
		Response page = browser.signIn(browser.authorize(CodeFlow.request(partner, REDIRECT_URI, pkce,
				String.join(" ", scopes))), newUser(), USER_PASSWORD);

		String code = BrowserFlow.redirectParameters(browser.consent(page, partner.clientId(), scopes)).get("code");

		String issued = CodeFlow.exchange(partner, code, REDIRECT_URI, pkce.verifier()).then()
			.statusCode(200)
			.extract()
			.path("scope");
		assertThat(issued.split(" ")).containsExactlyInAnyOrderElementsOf(scopes);
		Response again = browser.authorize(request(partner, String.join(" ", scopes)));
		assertThat(BrowserFlow.redirectParameters(again)).as("remembered, not asked again").containsKey("code");
	}

	/** Scope tokens of 100 characters, the longest a client may hold: 4 KB of scopes for 40. */
	private static List<String> longScopes(int count) {
		String tag = Long.toString(System.nanoTime(), 36);
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> (tag + "." + i + ".").concat("0123456789".repeat(10)).substring(0, 100))
			.toList();
	}

	private RegisteredCredentials partner(Set<String> scopes) {
		return register(NewClient.of(null, "Partner App", ClientType.WEB, Set.of(REDIRECT_URI), scopes, false));
	}

	private Response consentPage(BrowserFlow browser, RegisteredCredentials client, String user, String scope) {
		Response page = browser.signIn(browser.authorize(request(client, scope)), user, USER_PASSWORD);
		assertThat(page.statusCode()).isEqualTo(200);
		return page;
	}

	private static void allow(BrowserFlow browser, Response page, RegisteredCredentials client, List<String> scopes) {
		assertThat(BrowserFlow.redirectParameters(browser.consent(page, client.clientId(), scopes))).containsKey("code");
	}

	private static java.util.Map<String, String> request(RegisteredCredentials client, String scope) {
		return CodeFlow.request(client, REDIRECT_URI, Pkce.create(), scope);
	}

	private static String labelOf(Document page, String scope) {
		Element box = page.getElementById("scope-" + scope);
		assertThat(box).as("a box for " + scope).isNotNull();
		return box.parent().text();
	}

}

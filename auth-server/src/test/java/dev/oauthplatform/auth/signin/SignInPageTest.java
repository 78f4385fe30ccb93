package dev.oauthplatform.auth.signin;

import java.util.List;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in form as a user meets it: whom they sign in for, and why a sign-in failed. */
class SignInPageTest extends HttpTest {

	private static final String REDIRECT_URI = "https://photos.example.test/callback";

	@Test
	void theHeadingNamesTheApplicationBeingAuthorized() {
		RegisteredCredentials app = register(NewClient.of(null, "Holiday Photos", ClientType.WEB, Set.of(REDIRECT_URI),
				Set.of("notes.read"), true));
		BrowserFlow browser = new BrowserFlow(baseUrl());

		Response redirect = browser.authorize(CodeFlow.request(app, REDIRECT_URI, Pkce.create(), "notes.read"));
		Document page = Jsoup.parse(browser.follow(redirect).asString());

		assertThat(page.selectFirst("h1").text()).isEqualTo("Sign in to continue to Holiday Photos");
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.selectFirst("label[for=username]").text()).isEqualTo("Username");
		assertThat(page.selectFirst("label[for=password]").text()).isEqualTo("Password");
	}

	@Test
	void pagesForbidFramingScriptsAndReferrersAndSendNoHstsOnAnHttpIssuer() {
		for (String path : List.of("/login", "/signed-out", "/oauth2/authorize?client_id=nobody")) {
			Response page = given().redirects().follow(false).get(path);
			assertThat(page.header("Content-Security-Policy")).as(path)
				.contains("frame-ancestors 'none'")
				.contains("default-src 'none'")
				.doesNotContain("unsafe-inline");
			assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
			assertThat(page.header("Strict-Transport-Security")).as(path).isNull();
		}
	}

	@Test
	void withoutAnApplicationThePageJustAsksToSignIn() {
		Document page = Jsoup.parse(new BrowserFlow(baseUrl()).page("/login").asString());

		assertThat(page.selectFirst("h1").text()).isEqualTo("Sign in");
		assertThat(page.select("#sign-in-error")).isEmpty();
	}

	@Test
	void aWrongPasswordAndAnUnknownUsernameReadTheSame() {
		String wrongPassword = failedSignIn(newUser(), "not the password at all");
		String unknownUser = failedSignIn("nobody-" + System.nanoTime(), "not the password at all");

		assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(SignInController.WRONG_CREDENTIALS);
	}

	@Test
	void aFailedSignInKeepsTheUsernameAndAsksOnlyForThePasswordAgain() {
		String username = newUser();
		Document page = failedSignInPage(username, "not the password at all");

		assertThat(page.selectFirst("#username").val()).isEqualTo(username);
		assertThat(page.selectFirst("#username").hasAttr("autofocus")).isFalse();
		assertThat(page.selectFirst("#password").val()).isEmpty();
		assertThat(page.selectFirst("#password").hasAttr("autofocus")).isTrue();
		assertThat(page.html()).doesNotContain("not the password at all");
	}

	@Test
	void aFreshFormFocusesTheEmptyUsername() {
		Document page = Jsoup.parse(new BrowserFlow(baseUrl()).page("/login").asString());

		assertThat(page.selectFirst("#username").val()).isEmpty();
		assertThat(page.selectFirst("#username").hasAttr("autofocus")).isTrue();
		assertThat(page.selectFirst("#password").hasAttr("autofocus")).isFalse();
	}

	@Test
	void minutesAreRoundedUpSoThatWaitingAsToldAlwaysWorks() {
		assertThat(SignInController.minutes(java.time.Duration.ofSeconds(30))).isEqualTo("1 minute");
		assertThat(SignInController.minutes(java.time.Duration.ofSeconds(61))).isEqualTo("2 minutes");
		assertThat(SignInController.minutes(java.time.Duration.ofMinutes(15))).isEqualTo("15 minutes");
	}

	/** The error message the page shows after one failed sign-in. */
	private String failedSignIn(String username, String password) {
		return failedSignInPage(username, password).selectFirst("#sign-in-error").text();
	}

	private Document failedSignInPage(String username, String password) {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response login = browser.page("/login");
		Response failed = browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(login.asString()))
			.formParam("username", username)
			.formParam("password", password)
			.post(baseUrl() + "/login");
		assertThat(failed.header("Location")).endsWith("/login?error");
		return Jsoup.parse(browser.follow(failed).asString());
	}

}

package dev.oauthplatform.system.pages;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Axe;
import dev.oauthplatform.system.support.CallbackSite;
import dev.oauthplatform.system.support.Chromium;
import dev.oauthplatform.system.support.Pkce;
import dev.oauthplatform.system.support.Platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The pages of auth-server that every user of every application meets, in a real Chromium: one
 * person's way through a third-party application's sign-in, consent, connected apps and
 * sign-out. Each page is checked with axe-core and photographed under
 * auth-server/target/screenshots/.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndUserPagesInChromiumTest {

	private static final String PASSWORD = "a long and private passphrase";

	private static final String SCOPE = "openid notes.read notes.write";

	private static Platform platform;

	private static CallbackSite partnerSite;

	private static WebDriver browser;

	private static JsonPath partner;

	private static String user;

	private static JsonPath tokens;

	@BeforeAll
	static void registerAThirdPartyApplicationAndAUser() {
		platform = Platform.get();
		partnerSite = CallbackSite.start("Partner App");
		Admin admin = Admin.of(platform);
		partner = admin.register(Map.of("client_name", "Partner App", "client_type", "web", "redirect_uris",
				List.of(partnerSite.url("/callback")), "post_logout_redirect_uris",
				List.of(partnerSite.url("/signed-out")), "scope", SCOPE, "first_party", false));
		user = admin.createUser(PASSWORD);
		browser = Chromium.start();
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
		if (partnerSite != null) {
			partnerSite.close();
		}
	}

	@Test
	@Order(1)
	void theSignInPageNamesTheApplicationAndSaysWhenThePasswordIsWrong() {
		browser.get(authorizeUrl(partnerSite.url("/callback"), Pkce.create(), "s-1"));

		assertThat(browser.getCurrentUrl()).startsWith(platform.authServer() + "/login");
		assertThat(text("h1")).isEqualTo("Sign in to continue to Partner App");
		checkAndPhotograph("sign-in");

		signIn(user, "not my password at all");

		assertThat(text("#sign-in-error")).isEqualTo("The username or password is not right. Check them and try again.");
		assertThat(browser.findElement(By.id("username")).getDomProperty("value")).isEqualTo(user);
		assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("password");
		checkAndPhotograph("sign-in-failed");
	}

	@Test
	@Order(2)
	void tooManyAttemptsSayHowLongToWaitWithoutTellingWhetherTheUserExists() {
		String someoneElse = "nobody-" + UUID.randomUUID();
		for (int attempt = 0; attempt < 5; attempt++) {
			signIn(someoneElse, "guess number " + attempt);
			assertThat(text("#sign-in-error")).startsWith("The username or password is not right");
		}

		signIn(someoneElse, "guess number 6");

		assertThat(text("#sign-in-error")).isEqualTo("Too many attempts. Try again in 1 minute.");
		checkAndPhotograph("sign-in-throttled");
	}

	@Test
	@Order(3)
	void theConsentPageAsksForEachScopeInWordsAndDenyGoesBackWithAccessDenied() {
		signIn(user, PASSWORD);

		assertThat(text("h1")).isEqualTo("Partner App wants to access your account");
		assertThat(browser.findElement(By.id("scope-notes.read")).findElement(By.xpath("..")).getText())
			.startsWith("Read your notes");
		assertThat(browser.findElement(By.id("scope-notes.write")).findElement(By.xpath("..")).getText())
			.startsWith("Create, change and delete your notes");
		checkAndPhotograph("consent");

		press(browser.findElement(By.id("deny")));

		assertThat(browser.getCurrentUrl()).startsWith(partnerSite.url("/callback?"));
		assertThat(query(browser.getCurrentUrl())).containsEntry("error", "access_denied")
			.containsEntry("state", "s-1")
			.doesNotContainKey("code");
	}

	@Test
	@Order(4)
	void allowingSendsTheApplicationACodeForTokens() {
		Pkce pkce = Pkce.create();
		browser.get(authorizeUrl(partnerSite.url("/callback"), pkce, "s-2"));
		assertThat(text("h1")).isEqualTo("Partner App wants to access your account");

		press(browser.findElement(By.id("allow")));

		Map<String, String> answer = query(browser.getCurrentUrl());
		assertThat(answer).containsEntry("state", "s-2").containsKey("code");
		tokens = exchange(answer.get("code"), pkce);
		assertThat(tokens.getString("scope").split(" ")).containsExactlyInAnyOrder("openid", "notes.read",
				"notes.write");
	}

	@Test
	@Order(5)
	void aRememberedConsentIsNotAskedAgain() {
		browser.get(authorizeUrl(partnerSite.url("/callback"), Pkce.create(), "s-3"));

		assertThat(browser.getCurrentUrl()).startsWith(partnerSite.url("/callback?"));
		assertThat(query(browser.getCurrentUrl())).containsKey("code").containsEntry("state", "s-3");
	}

	@Test
	@Order(6)
	void anUnregisteredRedirectUriGetsAPageThatSaysSoAndNoRedirect() {
		int visitsBefore = partnerSite.visits().size();

		browser.get(authorizeUrl(partnerSite.url("/somewhere-else"), Pkce.create(), "s-4"));

		assertThat(browser.getCurrentUrl()).startsWith(platform.authServer() + "/oauth2/authorize");
		assertThat(text("h1")).isEqualTo("This application's return address is not registered");
		assertThat(text("#refusal-problem")).contains("Partner App", partnerSite.url("/somewhere-else"),
				"not registered for this application");
		assertThat(partnerSite.visits()).hasSize(visitsBefore);
		checkAndPhotograph("error-unregistered-redirect-uri");
	}

	@Test
	@Order(7)
	void revokingAnAppOnConnectedAppsStopsItsRefreshTokenAndForgetsTheConsent() {
		browser.get(platform.authServer() + "/account/apps");
		String section = "app-" + partner.getString("client_id");
		assertThat(browser.findElement(By.id(section)).getText()).contains("Partner App", "Read your notes");
		checkAndPhotograph("connected-apps");

		press(browser.findElement(By.id(section)).findElement(By.cssSelector("button[type=submit]")));

		assertThat(text("#flash")).isEqualTo("Partner App no longer has access.");
		assertThat(browser.findElements(By.id(section))).isEmpty();
		checkAndPhotograph("connected-apps-revoked");
		refresh(tokens.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));

		browser.get(authorizeUrl(partnerSite.url("/callback"), Pkce.create(), "s-5"));
		assertThat(text("h1")).as("asked again").isEqualTo("Partner App wants to access your account");
	}

	@Test
	@Order(8)
	void signingOutIsConfirmedAndReturnsOnlyToTheRegisteredAddress() {
		Pkce pkce = Pkce.create();
		browser.get(authorizeUrl(partnerSite.url("/callback"), pkce, "s-6"));
		press(browser.findElement(By.id("allow")));
		String idToken = exchange(query(browser.getCurrentUrl()).get("code"), pkce).getString("id_token");

		browser.get(platform.authServer() + "/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
				+ encode(partnerSite.url("/signed-out")) + "&state=bye");

		assertThat(browser.getCurrentUrl()).isEqualTo(platform.authServer() + "/signout");
		assertThat(text("h1")).isEqualTo("Sign out?");
		assertThat(text("#asked-by")).contains("Partner App");
		checkAndPhotograph("sign-out");

		press(browser.findElement(By.id("confirm-sign-out")));

		assertThat(browser.getCurrentUrl()).isEqualTo(partnerSite.url("/signed-out?state=bye"));
		browser.get(platform.authServer() + "/account/apps");
		assertThat(browser.getCurrentUrl()).isEqualTo(platform.authServer() + "/login");
	}

	@Test
	@Order(9)
	void theSignedOutPageReadsWell() {
		browser.get(platform.authServer() + "/signed-out");

		assertThat(text("h1")).isEqualTo("You have signed out");
		checkAndPhotograph("signed-out");
	}

	private static void signIn(String username, String password) {
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		press(browser.findElement(By.id("sign-in")));
	}

	private static void press(WebElement button) {
		Chromium.press(browser, button);
	}

	/** No axe-core violation of impact serious or critical, then a photograph at desktop and phone width. */
	private static void checkAndPhotograph(String name) {
		assertThat(Axe.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
		Chromium.screenshot(browser, Chromium.AUTH_SERVER_SCREENSHOTS, name);
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private static String authorizeUrl(String redirectUri, Pkce pkce, String state) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", partner.getString("client_id"));
		parameters.put("redirect_uri", redirectUri);
		parameters.put("scope", SCOPE);
		parameters.put("state", state);
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		return platform.authServer() + "/oauth2/authorize?" + parameters.entrySet()
			.stream()
			.map((parameter) -> parameter.getKey() + "=" + encode(parameter.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static JsonPath exchange(String code, Pkce pkce) {
		return given().auth()
			.preemptive()
			.basic(partner.getString("client_id"), partner.getString("client_secret"))
			.formParam("grant_type", "authorization_code")
			.formParam("code", code)
			.formParam("redirect_uri", partnerSite.url("/callback"))
			.formParam("code_verifier", pkce.verifier())
			.post(platform.authServer() + "/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

	private static io.restassured.response.Response refresh(String refreshToken) {
		return given().auth()
			.preemptive()
			.basic(partner.getString("client_id"), partner.getString("client_secret"))
			.formParam("grant_type", "refresh_token")
			.formParam("refresh_token", refreshToken)
			.post(platform.authServer() + "/oauth2/token");
	}

	private static Map<String, String> query(String url) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = URI.create(url).getRawQuery();
		for (String pair : (query != null) ? query.split("&") : new String[0]) {
			int equals = pair.indexOf('=');
			parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
		}
		return parameters;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}

package dev.oauthplatform.system.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import tools.jackson.databind.json.JsonMapper;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Axe;
import dev.oauthplatform.system.support.Chromium;
import dev.oauthplatform.system.support.Platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The admin console in a real Chromium, one admin's session from sign-in to sign-out: every page
 * is reached by clicking, as a person would, checked with axe-core and photographed under
 * admin-ui/target/screenshots/.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleInChromiumTest {

	private static Platform platform;

	private static WebDriver browser;

	private static Console console;

	@BeforeAll
	static void openTheConsole() {
		platform = Platform.get();
		browser = Chromium.start();
		console = new Console(browser, platform.adminUi());
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	@Order(1)
	void theAdminSignsInThroughAuthServersLoginPage() {
		browser.get(platform.adminUi() + "/");
		assertThat(browser.getCurrentUrl()).startsWith(platform.authServer());
		console.signIn(Platform.ADMIN_USERNAME, platform.adminPassword());
		assertThat(browser.getCurrentUrl()).startsWith(platform.adminUi());
		assertThat(browser.findElement(By.id("client-list")).isDisplayed()).isTrue();
		// the browser holds a session cookie of the console's own name, never a token
		assertThat(browser.manage().getCookieNamed("ADMIN_CONSOLE_SESSION").isHttpOnly()).isTrue();
		assertThat(browser.manage().getCookies()).noneMatch((cookie) -> cookie.getValue().startsWith("eyJ"));
		checkAndPhotograph("clients");
	}

	@Test
	@Order(2)
	void theAdminRegistersOneClientOfEachTypeAndSeesEachSecretOnce() {
		browser.get(platform.adminUi() + "/clients/new");
		checkAndPhotograph("register-what-kind");
		for (String type : List.of("web", "spa", "native", "m2m", "cli")) {
			String name = type + " app " + UUID.randomUUID().toString().substring(0, 8);
			console.register(type, name, redirectUrisFor(type));
			boolean confidential = type.equals("web") || type.equals("m2m");
			assertThat(console.oneTimeSecret().isPresent()).as(type).isEqualTo(confidential);
			if (type.equals("web")) {
				checkAndPhotograph("secret-shown-once");
			}
			console.openClient(name);
			assertThat(browser.getPageSource()).as("the secret is never shown again")
				.doesNotContain(console.lastSecret());
		}
	}

	@Test
	@Order(2)
	void theAdminGivesASinglePageAppASignOutReturnUri() {
		String name = "spa with sign-out " + UUID.randomUUID().toString().substring(0, 8);
		console.register("spa", name, redirectUrisFor("spa"), List.of("https://shop.example.test/app/signed-out"), true);
		console.openClient(name);
		assertThat(browser.findElement(By.id("post_logout_redirect_uris")).getDomProperty("value"))
			.isEqualTo("https://shop.example.test/app/signed-out");
	}

	@Test
	@Order(2)
	void theAdminRegistersACommandLineToolAndATvAppThatSignInWithADeviceCode() {
		console.openRegistrationForm("cli");
		assertThat(browser.findElement(By.id("sign-in-device")).isSelected()).as("recommended, so chosen").isTrue();
		checkAndPhotograph("register-cli-device-code");
		String name = "device cli " + UUID.randomUUID().toString().substring(0, 8);

		console.register("cli", name, "device");

		assertThat(console.oneTimeSecret()).isEmpty();
		String clientId = console.shownClientId();
		console.openClient(name);
		assertThat(console.state("grant-types")).isEqualTo("device_code (RFC 8628), refresh_token");
		assertThat(browser.findElements(By.cssSelector("[data-rule='password-grant']"))).isEmpty();
		given().baseUri(platform.authServer())
			.formParam("client_id", clientId)
			.post("/oauth2/device_authorization")
			.then()
			.statusCode(200)
			.body("user_code", notNullValue());

		console.openRegistrationForm("native");
		browser.findElement(By.id("sign-in-device")).click();
		assertThat(browser.findElement(By.id("redirect_uris")).isDisplayed()).as("no redirect URIs on a TV").isFalse();
		String tv = "tv app " + UUID.randomUUID().toString().substring(0, 8);
		console.register("native", tv, "device");
		console.openClient(tv);
		assertThat(console.state("grant-types")).isEqualTo("device_code (RFC 8628), refresh_token");
	}

	@Test
	@Order(2)
	void refusedRedirectUrisAreNamedAsTheyAreTypedInAuthServersWords() {
		List<String> typed = List.of("https://*.shop.example.test/callback", "https://shop.example.test/callback",
				"http://shop.example.test/callback");
		List<WebElement> refused = console.typeRedirectUris("web", typed, 2);
		// the words are those of auth-server's registration, asked of its dry run with the same URIs
		List<String> serverWords = Admin.of(platform)
			.api()
			.body(JsonMapper.builder()
				.build()
				.writeValueAsString(Map.of("client_name", "Shop", "client_type", "web", "redirect_uris", typed)))
			.post("/admin/api/clients/validate")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.getList("problems.error_description", String.class);
		assertThat(refused).extracting((item) -> item.getAttribute("data-uri"))
			.containsExactly("https://*.shop.example.test/callback", "http://shop.example.test/callback");
		assertThat(refused).extracting(WebElement::getText).containsExactlyElementsOf(serverWords);
		assertThat(serverWords.get(0)).contains("wildcards not allowed");
		assertThat(serverWords.get(1)).contains("http only for loopback hosts");
		assertThat(console.validationMessage("redirect_uris")).isEqualTo("Some redirect URIs would be refused");
		checkAndPhotograph("register-refused-redirect-uris");
	}

	@Test
	@Order(3)
	void theAdminRotatesASecret() {
		String name = "rotating " + UUID.randomUUID().toString().substring(0, 8);
		console.register("m2m", name, List.of());
		String first = console.lastSecret();
		console.openClient(name);
		console.rotateSecret(3600);
		assertThat(console.oneTimeSecret()).isPresent();
		assertThat(console.lastSecret()).isNotEqualTo(first);
	}

	@Test
	@Order(4)
	void aWebClientWithoutPkceShowsAPostureWarningWithAFix() {
		String name = "legacy " + UUID.randomUUID().toString().substring(0, 8);
		console.register("web", name, List.of("https://legacy.example.test/callback"), false);
		console.openClient(name);
		WebElement pkce = browser.findElement(By.cssSelector("#posture li[data-rule='pkce']"));
		assertThat(pkce.getAttribute("class")).contains("warn");
		checkAndPhotograph("client-detail-posture");
		console.fix("pkce");
		assertThat(browser.findElement(By.cssSelector("#posture li[data-rule='pkce']")).getAttribute("class"))
			.contains("pass");
	}

	@Test
	@Order(5)
	void theAdminDisablesAndDeletesAClient() {
		String name = "doomed " + UUID.randomUUID().toString().substring(0, 8);
		console.register("m2m", name, List.of());
		console.openClient(name);
		console.disable();
		assertThat(console.state("client-state")).containsIgnoringCase("disabled");
		console.delete();
		assertThat(console.clientNames()).noneMatch((row) -> row.contains(name));
	}

	@Test
	@Order(6)
	void theAdminRevokesAUsersGrantFromTheClientPage() {
		String name = "cli " + UUID.randomUUID().toString().substring(0, 8);
		console.register("cli", name, "password");
		String clientId = console.shownClientId();
		String username = Admin.of(platform).createUser("quiet-harbor-lantern-58");
		String refreshToken = given().baseUri(platform.authServer())
			.formParam("grant_type", "password")
			.formParam("client_id", clientId)
			.formParam("username", username)
			.formParam("password", "quiet-harbor-lantern-58")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("refresh_token");

		console.openClient(name);
		console.revokeAuthorizationOf(username);

		given().baseUri(platform.authServer())
			.formParam("grant_type", "refresh_token")
			.formParam("client_id", clientId)
			.formParam("refresh_token", refreshToken)
			.post("/oauth2/token")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
	}

	@Test
	@Order(7)
	void theAdminCreatesAndDisablesAUser() {
		String username = "carol-" + UUID.randomUUID().toString().substring(0, 8);
		console.createUser(username, "quiet-harbor-lantern-58");
		assertThat(console.state("user-state")).containsIgnoringCase("enabled");
		console.userRow(username);
		checkAndPhotograph("users");
		console.disableUser(username);
		assertThat(console.state("user-state")).containsIgnoringCase("disabled");
	}

	@Test
	@Order(8)
	void theAdminDescribesAScopeForTheConsentPage() {
		// URL-shaped, as some APIs name their scopes: the '/' must not break the way to auth-server
		String scope = "https://calendar.example.test/" + UUID.randomUUID().toString().substring(0, 8) + "/read";
		console.describeScope(scope, "See your calendar");
		assertThat(browser.findElement(By.id("scope-list")).getText()).contains(scope, "See your calendar");
		checkAndPhotograph("scopes");
	}

	@Test
	@Order(9)
	void theAdminReadsWhatHappenedOnAClientsPageAndOnTheActivityPage() {
		String name = "audited " + UUID.randomUUID().toString().substring(0, 8);
		console.register("m2m", name, List.of());
		String clientId = console.shownClientId();
		console.openClient(name);
		assertThat(console.eventsOnceOneShows("client-activity-list", "Client registered")).isNotEmpty();
		console.openClientActivity();
		assertThat(console.eventsOnceOneShows("activity-list", "client_id: " + clientId))
			.anyMatch((row) -> row.contains("Client registered"));
		console.openActivity("client.created");
		assertThat(console.eventsOnceOneShows("activity-list", "client_id: " + clientId))
			.allMatch((row) -> row.contains("Client registered"));
		checkAndPhotograph("activity");
	}

	@Test
	@Order(10)
	void theAdminSignsOutOfTheConsoleAndOfAuthServer() {
		console.signOut();
		browser.get(platform.adminUi() + "/");
		assertThat(browser.getCurrentUrl()).as("a new sign-in is asked for").startsWith(platform.authServer());
		assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isNotEmpty();
	}

	/** No axe-core violation of impact serious or critical, then a photograph at desktop and phone width. */
	private static void checkAndPhotograph(String name) {
		assertThat(Axe.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
		Chromium.screenshot(browser, name);
	}

	private static List<String> redirectUrisFor(String type) {
		return switch (type) {
			case "web" -> List.of("https://shop.example.test/callback");
			case "spa" -> List.of("https://shop.example.test/app/");
			case "native" -> List.of("com.example.shop:/callback");
			default -> List.of();
		};
	}

}

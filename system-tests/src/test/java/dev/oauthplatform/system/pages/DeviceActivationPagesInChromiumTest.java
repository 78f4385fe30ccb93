package dev.oauthplatform.system.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
import dev.oauthplatform.system.support.Chromium;
import dev.oauthplatform.system.support.Platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The verification pages of the device authorization grant (RFC 8628 §3.3) in a real Chromium:
 * a command-line tool asks for codes over HTTP, a person approves or denies it in the browser, the
 * tool's polls answer accordingly. Each page is checked with axe-core and photographed under
 * auth-server/target/screenshots/.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceActivationPagesInChromiumTest {

	private static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	private static final String PASSWORD = "a long and private passphrase";

	private static Platform platform;

	private static WebDriver browser;

	private static String clientId;

	private static String user;

	@BeforeAll
	static void registerACommandLineToolAndAUser() {
		platform = Platform.get();
		Admin admin = Admin.of(platform);
		clientId = admin.register(Map.of("client_name", "Notes CLI", "client_type", "cli", "scope",
				"notes.read notes.write", "grant_types", List.of(GRANT, "refresh_token")))
			.getString("client_id");
		user = admin.createUser(PASSWORD);
		browser = Chromium.start();
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	@Order(1)
	void theLinkWithTheCodeLeadsThroughSignInToAConfirmationAndApprovingGivesTheDeviceItsTokens() {
		JsonPath codes = startOnTheDevice("notes.read");
		Instant firstPoll = Instant.now();
		poll(codes.getString("device_code")).then().statusCode(400).body("error", equalTo("authorization_pending"));

		browser.get(codes.getString("verification_uri_complete"));
		assertThat(browser.getCurrentUrl()).startsWith(platform.authServer() + "/login");
		signIn();
		// the code filled in, checked by the user, then looked up only on Continue (a POST)
		assertThat(browser.findElement(By.id("user_code")).getDomProperty("value"))
			.isEqualTo(codes.getString("user_code"));
		assertThat(text("#filled-in")).startsWith("Check that this is the code");
		checkAndPhotograph("device-enter-code-filled-in");
		press(browser.findElement(By.id("continue")));

		assertThat(text("h1")).isEqualTo("Connect Notes CLI to your account?");
		// Chromium may reach localhost over IPv6 and REST Assured over IPv4: both loopback, one machine
		assertThat(text("#request-origin")).contains("from your own network.");
		assertThat(text("#shown-code")).isEqualTo(codes.getString("user_code"));
		assertThat(text("#phishing-warning")).contains("If someone sent you this code or link, choose Deny");
		assertThat(text("#scopes")).startsWith("Read your notes");
		assertThat(browser.findElement(By.id("approve")).getText()).isEqualTo("Approve");
		assertThat(browser.findElement(By.id("deny")).getText()).isEqualTo("Deny");
		checkAndPhotograph("device-confirm");

		press(browser.findElement(By.id("approve")));

		assertThat(browser.getCurrentUrl()).isEqualTo(platform.authServer() + "/activate/done?result=approved");
		assertThat(text("h1")).isEqualTo("Device connected");
		checkAndPhotograph("device-approved");
		JsonPath tokens = pollAfterTheInterval(codes, firstPoll).then().statusCode(200).extract().jsonPath();
		assertThat(tokens.getString("access_token")).isNotBlank();
		assertThat(tokens.getString("scope")).isEqualTo("notes.read");
	}

	@Test
	@Order(2)
	void aWrongCodeIsToldPlainlyAndTheRightOneTypedInLowerCaseWithoutTheDashIsFound() {
		JsonPath codes = startOnTheDevice("notes.read notes.write");
		browser.get(platform.authServer() + "/activate");
		assertThat(text("h1")).isEqualTo("Connect a device");
		checkAndPhotograph("device-enter-code");

		type("BCDF-GHJK");

		assertThat(text("#code-error")).startsWith("That code is not valid");
		assertThat(browser.findElement(By.id("user_code")).getDomProperty("value")).isEqualTo("BCDF-GHJK");
		checkAndPhotograph("device-enter-code-wrong");

		type(codes.getString("user_code").replace("-", "").toLowerCase());

		assertThat(text("h1")).isEqualTo("Connect Notes CLI to your account?");
		assertThat(text("#shown-code")).isEqualTo(codes.getString("user_code"));
		assertThat(text("#scopes")).contains("Read your notes", "Create, change and delete your notes");
	}

	@Test
	@Order(3)
	void denyingEndsOnTheDeniedPageAndTheDeviceIsToldAccessDenied() {
		JsonPath codes = startOnTheDevice("notes.read");
		browser.get(codes.getString("verification_uri_complete"));
		press(browser.findElement(By.id("continue")));
		assertThat(text("#shown-code")).isEqualTo(codes.getString("user_code"));

		press(browser.findElement(By.id("deny")));

		assertThat(browser.getCurrentUrl()).isEqualTo(platform.authServer() + "/activate/done?result=denied");
		assertThat(text("h1")).isEqualTo("Request denied");
		checkAndPhotograph("device-denied");
		poll(codes.getString("device_code")).then()
			.statusCode(400)
			.body("error", equalTo("access_denied"));
	}

	/** What the tool does first: ask for a device code and a user code. */
	private static JsonPath startOnTheDevice(String scope) {
		return given().formParam("client_id", clientId)
			.formParam("scope", scope)
			.post(platform.authServer() + "/oauth2/device_authorization")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

	private static Response poll(String deviceCode) {
		return given().formParam("client_id", clientId)
			.formParam("grant_type", GRANT)
			.formParam("device_code", deviceCode)
			.post(platform.authServer() + "/oauth2/token");
	}

	/** Polls as a well-behaved device: not before {@code interval} seconds since its last poll. */
	private static Response pollAfterTheInterval(JsonPath codes, Instant lastPoll) {
		Duration wait = Duration.between(Instant.now(), lastPoll.plusSeconds(codes.getInt("interval")).plusMillis(200));
		if (!wait.isNegative()) {
			try {
				Thread.sleep(wait.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return poll(codes.getString("device_code"));
	}

	private static void signIn() {
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		press(browser.findElement(By.id("sign-in")));
	}

	private static void type(String code) {
		WebElement field = browser.findElement(By.id("user_code"));
		field.clear();
		field.sendKeys(code);
		press(browser.findElement(By.id("continue")));
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

}

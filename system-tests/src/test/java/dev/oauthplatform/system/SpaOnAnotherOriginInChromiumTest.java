package dev.oauthplatform.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Chromium;
import dev.oauthplatform.system.support.Platform;
import dev.oauthplatform.system.support.SpaSite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single-page app served from its own origin signs a user in with the code flow and PKCE, and
 * reads the token response and userinfo with {@code fetch} in a real Chromium: auth-server
 * answers CORS for the origin of the app's registered redirect URI. A page on an origin no client
 * registered reads the discovery document but not the token endpoint's answer.
 */
@Tag("e2e")
class SpaOnAnotherOriginInChromiumTest {

	private static final String PASSWORD = "a long and private passphrase";

	private static Platform platform;

	private static SpaSite app;

	private static SpaSite stranger;

	private static WebDriver browser;

	private static String user;

	@BeforeAll
	static void registerTheSpaAndAUser() {
		platform = Platform.get();
		app = SpaSite.start();
		Admin admin = Admin.of(platform);
		JsonPath spa = admin.register(Map.of("client_name", "Notes SPA", "client_type", "spa", "redirect_uris",
				List.of(app.url("/app")), "scope", "openid notes.read", "first_party", true));
		app.serve(platform.authServer(), spa.getString("client_id"));
		stranger = SpaSite.start();
		stranger.serve(platform.authServer(), "nobody");
		user = admin.createUser(PASSWORD);
		browser = Chromium.start();
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
		for (SpaSite site : new SpaSite[] { app, stranger }) {
			if (site != null) {
				site.close();
			}
		}
	}

	@Test
	void theSpaSignsInAndReadsItsTokensAndUserinfoWithFetch() {
		browser.get(app.url("/app"));
		assertThat(text("#origin")).isEqualTo(app.origin()).isNotEqualTo(platform.authServer());

		Chromium.press(browser, browser.findElement(By.id("sign-in")));
		assertThat(browser.getCurrentUrl()).startsWith(platform.authServer() + "/login");
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.press(browser, browser.findElement(By.id("sign-in")));

		waitUntilChanged("#status", "signed out");
		Chromium.screenshot(browser, Chromium.AUTH_SERVER_SCREENSHOTS, "spa-on-another-origin");
		assertThat(text("#status")).isEqualTo("signed in");
		assertThat(browser.getCurrentUrl()).isEqualTo(app.url("/app"));
		assertThat(text("#tokens")).contains("\"status\": 200", "\"token_type\": \"Bearer\"",
				"\"refresh_token\": \"present\"", "\"id_token\": \"present\"");
		assertThat(text("#userinfo")).matches("200, sub [0-9a-f-]{36}");
	}

	@Test
	void aPageOnAnUnregisteredOriginReadsDiscoveryButNotTheTokenEndpoint() {
		browser.get(stranger.url("/probe"));

		waitUntilChanged("#token", "...");
		waitUntilChanged("#discovery", "...");
		assertThat(text("#discovery")).isEqualTo("read, issuer " + platform.authServer());
		assertThat(text("#token")).startsWith("failed: TypeError");
	}

	private static void waitUntilChanged(String css, String before) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until((ignored) -> !before.equals(text(css)));
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

}

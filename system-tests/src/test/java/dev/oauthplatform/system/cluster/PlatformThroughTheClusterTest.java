package dev.oauthplatform.system.cluster;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Chromium;
import dev.oauthplatform.system.support.Cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of the platform as scripts/cluster.sh starts it, working through the balancer:
 * resource-api (:8081) trusts the tokens of either instance, and the admin console (:8080) signs
 * its admin in through the balancer's sign-in page and shows what the admin API answers.
 */
@Tag("cluster")
@Order(3)
class PlatformThroughTheClusterTest {

	private static final String RESOURCE_API = "http://localhost:8081";

	private static final String CONSOLE = "http://localhost:8080";

	private static Admin admin;

	private static WebDriver browser;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		admin = Cluster.admin(Cluster.BALANCER);
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/**
	 * Pass: a note written with a user's token from instance A is read back with that user's token
	 * from instance B; resource-api found both instances' signing keys through the balancer.
	 */
	@Test
	void resourceApiTrustsTheTokensOfEitherInstance() {
		JsonPath registered = admin.register(Map.of("client_name", "Cluster notes CLI " + UUID.randomUUID(),
				"client_type", "cli", "scope", "notes.read notes.write"));
		Flows.Client cli = new Flows.Client(registered.getString("client_id"), null);
		String user = admin.createUser(Flows.PASSWORD);
		String fromA = accessToken(Flows.passwordGrant(Cluster.instance(1), cli, user, Flows.PASSWORD, null).asString());
		String fromB = accessToken(Flows.passwordGrant(Cluster.instance(2), cli, user, Flows.PASSWORD, null).asString());
		String title = "written through A " + UUID.randomUUID();

		given().auth()
			.oauth2(fromA)
			.contentType(ContentType.JSON)
			.body(Map.of("title", title))
			.post(RESOURCE_API + "/api/notes")
			.then()
			.statusCode(201);

		List<String> titles = given().auth()
			.oauth2(fromB)
			.get(RESOURCE_API + "/api/notes")
			.then()
			.statusCode(200)
			.extract()
			.path("title");
		assertThat(titles).containsExactly(title);
	}

	/**
	 * Pass: in Chromium, the console sends its admin to the balancer's sign-in page, and once
	 * signed in lists a client registered through the admin API a moment before.
	 */
	@Test
	void theConsoleSignsItsAdminInThroughTheBalancerAndShowsTheClients() {
		Flows.Client machine = Flows.registerMachine(admin);
		browser = Chromium.start();

		browser.get(CONSOLE + "/");
		assertThat(browser.getCurrentUrl()).startsWith(Cluster.BALANCER);
		browser.findElement(By.cssSelector("input[name=username]")).sendKeys(Cluster.ADMIN_USERNAME);
		WebElement password = browser.findElement(By.cssSelector("input[name=password]"));
		password.sendKeys(Cluster.ADMIN_PASSWORD);
		password.submit();

		assertThat(browser.findElement(By.id("client-list")).isDisplayed()).isTrue();
		assertThat(browser.getCurrentUrl()).startsWith(CONSOLE);
		assertThat(browser.findElements(By.cssSelector("#client-list tr[data-client-id='" + machine.id() + "']")))
			.as("the client registered through the admin API").hasSize(1);
	}

	private static String accessToken(String tokenResponse) {
		String token = JsonPath.from(tokenResponse).getString("access_token");
		assertThat(token).as("token response %s", tokenResponse).isNotNull();
		return token;
	}

}

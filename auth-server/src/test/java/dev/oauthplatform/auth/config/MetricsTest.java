package dev.oauthplatform.auth.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.key.SigningKeys;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.DeviceFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.token.TokenHashes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sign-ins, refresh token reuse, introspections and keys at {@code /actuator/prometheus}: each
 * counter moves by exactly what was done, and tags hold fixed values only, never a username, a
 * token or anything a caller typed.
 */
class MetricsTest extends HttpTest {

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void passwordGrantSignInsAreCountedByOutcomeOnTheirChannel() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		String address = randomAddress();
		String before = scrape();

		passwordGrant(address, cli, username, USER_PASSWORD).then().statusCode(200);
		int failed = 0;
		int throttled = 0;
		while (throttled == 0 && failed < 20) {
			Response refused = passwordGrant(address, cli, username, "wrong password");
			refused.then().statusCode(400).body("error", equalTo("invalid_grant"));
			if (refused.<String>path("error_description").startsWith("Too many")) {
				throttled++;
			}
			else {
				failed++;
			}
		}

		String after = scrape();
		assertThat(throttled).isEqualTo(1);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("succeeded", "password_grant"))).isEqualTo(1);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("failed", "password_grant"))).isEqualTo(failed);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("throttled", "password_grant"))).isEqualTo(1);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("succeeded", "form"))).isZero();
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("failed", "form"))).isZero();
		assertThat(after).doesNotContain(username).doesNotContain(address);
	}

	@Test
	void formSignInsAreCountedOnTheFormChannel() {
		String username = newUser();
		String address = randomAddress();
		String before = scrape();

		assertThat(formSignIn(new BrowserFlow(baseUrl(), address), username, "wrong password")).endsWith("/login?error");
		assertThat(formSignIn(new BrowserFlow(baseUrl(), address), username, USER_PASSWORD)).doesNotContain("error");

		String after = scrape();
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("succeeded", "form"))).isEqualTo(1);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("failed", "form"))).isEqualTo(1);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("succeeded", "password_grant"))).isZero();
		assertThat(after).doesNotContain(username);
	}

	@Test
	void deviceTokensAreASignInAndAnExpiredCodeAFailedOneButAPendingOneNeither() {
		RegisteredCredentials cli = registerDeviceClient();
		String username = newUser();
		String expired = DeviceFlow.start(cli, "notes.read").path("device_code");
		expire(expired);
		Response pending = DeviceFlow.start(cli, "notes.read");
		String before = scrape();

		Response tokens = DeviceFlow.approvedTokens(baseUrl(), cli, username, USER_PASSWORD);
		tokens.then().statusCode(200);
		DeviceFlow.poll(cli, expired).then().statusCode(400).body("error", equalTo("expired_token"));
		DeviceFlow.poll(cli, pending.path("device_code")).then()
			.statusCode(400)
			.body("error", equalTo("authorization_pending"));

		String after = scrape();
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("succeeded", "device"))).isEqualTo(1);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("failed", "device"))).isEqualTo(1);
		// The user signed in on /activate through the login page.
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("succeeded", "form"))).isEqualTo(1);
		assertThat(after).doesNotContain(username)
			.doesNotContain(tokens.<String>path("access_token"))
			.doesNotContain(pending.<String>path("device_code"))
			.doesNotContain(pending.<String>path("user_code"));
	}

	@Test
	void aDeniedDeviceRequestIsAFailedSignIn() {
		RegisteredCredentials cli = registerDeviceClient();
		Response authorization = DeviceFlow.start(cli, "notes.read");
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response confirm = DeviceFlow.confirmationPage(browser, newUser(), USER_PASSWORD,
				authorization.path("user_code"));
		browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(confirm.asString()))
			.formParam("decision", "deny")
			.post(baseUrl() + "/activate");
		String before = scrape();

		DeviceFlow.poll(cli, authorization.path("device_code")).then()
			.statusCode(400)
			.body("error", equalTo("access_denied"));

		String after = scrape();
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("failed", "device"))).isEqualTo(1);
		assertThat(delta(before, after, "oauth_sign_ins_total", signIn("succeeded", "device"))).isZero();
	}

	@Test
	void aReusedRefreshTokenIsCountedOnce() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String stolen = passwordGrant(cli, newUser(), USER_PASSWORD).then().statusCode(200).extract().path("refresh_token");
		String current = refresh(cli, stolen).then().statusCode(200).extract().path("refresh_token");
		String before = scrape();

		refresh(cli, stolen).then().statusCode(400).body("error", equalTo("invalid_grant"));
		refresh(cli, current).then().statusCode(400).body("error", equalTo("invalid_grant"));

		String after = scrape();
		assertThat(delta(before, after, "oauth_refresh_token_reuse_detected_total", Map.of())).isEqualTo(1);
		assertThat(after).doesNotContain(stolen).doesNotContain(current);
	}

	@Test
	void introspectionAnswersAreCountedAsTheCallerWasTold() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials other = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials api = registerResourceServer();
		String token = clientCredentials(m2m);
		String before = scrape();

		introspect(api, token).then().statusCode(200).body("active", equalTo(true));
		introspect(m2m, token).then().statusCode(200).body("active", equalTo(true));
		introspect(other, token).then().statusCode(200).body("active", equalTo(false));
		introspect(api, "not-a-token-" + System.nanoTime()).then().statusCode(200).body("active", equalTo(false));
		introspect(api, "").then().statusCode(400);

		String after = scrape();
		assertThat(delta(before, after, "oauth_introspections_total", Map.of("active", "true"))).isEqualTo(2);
		assertThat(delta(before, after, "oauth_introspections_total", Map.of("active", "false"))).isEqualTo(2);
		assertThat(after).doesNotContain(token).doesNotContain("not-a-token-");
	}

	@Test
	void theSigningKeysAreGaugedByState() {
		String metrics = scrape();

		// one signing key per algorithm at any moment; how many are published or verify-only depends
		// on rotations other tests of this context may have staged, and may move between two reads
		assertThat(sample(metrics, "oauth_keys", Map.of("state", "signing"))).isEqualTo(SigningKeys.ALGORITHMS.size());
		assertThat(sample(metrics, "oauth_keys", Map.of("state", "published"))).isGreaterThanOrEqualTo(0);
		assertThat(sample(metrics, "oauth_keys", Map.of("state", "verify_only"))).isGreaterThanOrEqualTo(0);
		assertThat(metrics).doesNotContain("oauth_keys{state=\"retired\"}");
	}

	private RegisteredCredentials registerDeviceClient() {
		return register(NewClient.of(null, "Notes CLI", ClientType.CLI, Set.of(), Set.of("notes.read"), true)
			.withGrantTypes(Set.of(DeviceFlow.GRANT, "refresh_token")));
	}

	private static Map<String, String> signIn(String outcome, String channel) {
		return Map.of("outcome", outcome, "channel", channel);
	}

	private String scrape() {
		return management().get("/actuator/prometheus").then().statusCode(200).extract().asString();
	}

	private static double delta(String before, String after, String name, Map<String, String> tags) {
		return sample(after, name, tags) - sample(before, name, tags);
	}

	/** The value of the sample with exactly these labels: a further label would be a tag we did not mean. */
	private static double sample(String metrics, String name, Map<String, String> tags) {
		for (String line : metrics.lines().toList()) {
			if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
				continue;
			}
			int end = line.lastIndexOf(' ');
			String labels = line.startsWith(name + "{") ? line.substring(name.length() + 1, line.lastIndexOf('}')) : "";
			Map<String, String> found = new HashMap<>();
			Matcher label = LABEL.matcher(labels);
			while (label.find()) {
				found.put(label.group(1), label.group(2));
			}
			if (found.equals(tags)) {
				return Double.parseDouble(line.substring(end + 1));
			}
			assertThat(found.keySet()).as(line).isEqualTo(tags.keySet());
		}
		return fail("No sample " + name + tags + " in:\n" + metrics);
	}

	private static Response passwordGrant(String address, RegisteredCredentials client, String username,
			String password) {
		return from(address).contentType("application/x-www-form-urlencoded")
			.formParam("client_id", client.clientId())
			.formParam("grant_type", "password")
			.formParam("username", username)
			.formParam("password", password)
			.post("/oauth2/token");
	}

	private String formSignIn(BrowserFlow browser, String username, String password) {
		String page = browser.browser().get(baseUrl() + "/login").then().statusCode(200).extract().asString();
		return browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(page))
			.formParam("username", username)
			.formParam("password", password)
			.post(baseUrl() + "/login")
			.then()
			.statusCode(302)
			.extract()
			.header("Location");
	}

	private void expire(String deviceCode) {
		this.jdbc.update("update oauth_token set issued_at = current_timestamp - interval '10' minute, "
				+ "expires_at = current_timestamp - interval '1' minute where authorization_id = "
				+ "(select authorization_id from oauth_token where token_hash = ?)", TokenHashes.hash(deviceCode));
	}

}

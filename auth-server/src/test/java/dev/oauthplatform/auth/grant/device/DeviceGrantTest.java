package dev.oauthplatform.auth.grant.device;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.DeviceFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;
import dev.oauthplatform.auth.token.ExpiredAuthorizationPurger;
import dev.oauthplatform.auth.token.TokenHashes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** RFC 8628 at the protocol endpoints: codes, polling answers, single use, binding to the client. */
class DeviceGrantTest extends HttpTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ExpiredAuthorizationPurger purger;

	@Test
	void bothDiscoveryDocumentsAnnounceTheEndpointAndTheGrant() {
		for (String document : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
			given().get(document)
				.then()
				.statusCode(200)
				.body("device_authorization_endpoint", equalTo(issuer() + "/oauth2/device_authorization"))
				.body("grant_types_supported", hasItem(DeviceFlow.GRANT));
		}
	}

	@Test
	void aCliClientGetsAShortUnambiguousUserCodeAndWhereToTypeIt() {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		for (String path : List.of("/oauth2/device_authorization", "/oauth2/device_authorization/")) {
			given().formParam("client_id", cli.clientId())
				.formParam("scope", "notes.read")
				.post(path)
				.then()
				.statusCode(200)
				.body("device_code", notNullValue())
				.body("user_code", matchesPattern("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"))
				.body("verification_uri", equalTo(issuer() + "/activate"))
				.body("verification_uri_complete", matchesPattern("\\Q" + issuer() + "/activate?user_code=\\E[A-Z]{4}-[A-Z]{4}"))
				.body("expires_in", equalTo(300))
				.body("interval", equalTo(1));
		}
	}

	@Test
	void aNativeAppMayUseTheDeviceGrantButAClientNotRegisteredForItMayNot() {
		DeviceFlow.start(registerDeviceClient(ClientType.NATIVE), "notes.read").then().statusCode(200);
		RegisteredCredentials passwordOnly = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);

		DeviceFlow.start(passwordOnly, "notes.read").then().statusCode(400).body("error", equalTo("unauthorized_client"));
		given().formParam("client_id", "nobody").post("/oauth2/device_authorization")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_client"));
	}

	@Test
	void theDeviceIsToldToWaitThenToSlowDownWhenItPollsTooSoon() {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		String deviceCode = DeviceFlow.start(cli, "notes.read").path("device_code");

		DeviceFlow.poll(cli, deviceCode).then().statusCode(400).body("error", equalTo("authorization_pending"));
		DeviceFlow.poll(cli, deviceCode).then().statusCode(400).body("error", equalTo("slow_down"));
	}

	@Test
	void anApprovedRequestGivesTheDeviceTokensOfTheUserOnce() throws Exception {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		Response authorization = DeviceFlow.start(cli, "notes.read");
		String username = newUser();

		Response done = DeviceFlow.approve(baseUrl(), username, USER_PASSWORD, authorization.path("user_code"));
		assertThat(done.asString()).contains("You can return to your device");
		Thread.sleep(1100);
		Response tokens = DeviceFlow.poll(cli, authorization.path("device_code"));

		tokens.then().statusCode(200).body("scope", equalTo("notes.read")).body("refresh_token", notNullValue());
		assertThat(Jwts.claims(tokens.path("access_token")).get("preferred_username")).isEqualTo(username);
		refresh(cli, tokens.path("refresh_token")).then().statusCode(200);
		Thread.sleep(1100);
		DeviceFlow.poll(cli, authorization.path("device_code")).then().statusCode(400).body("error", equalTo("invalid_grant"));
	}

	@Test
	void aDeniedRequestIsAccessDenied() throws Exception {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		Response authorization = DeviceFlow.start(cli, "notes.read");
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response confirm = DeviceFlow.confirmationPage(browser, newUser(), USER_PASSWORD,
				authorization.path("user_code"));

		Response done = browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(confirm.asString()))
			.formParam("decision", "deny")
			.post(baseUrl() + "/activate");

		assertThat(done.header("Location")).endsWith("/activate/done?result=denied");
		DeviceFlow.poll(cli, authorization.path("device_code")).then().statusCode(400).body("error", equalTo("access_denied"));
	}

	@Test
	void aUserCodeSentAsADeviceCodeIsInvalidGrantEveryTimeSoPollingTellsNothingAboutIt() {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		String userCode = DeviceFlow.start(cli, "notes.read").path("user_code");

		for (int i = 0; i < 3; i++) {
			DeviceFlow.poll(cli, userCode).then().statusCode(400).body("error", equalTo("invalid_grant"));
		}
		DeviceFlow.poll(cli, "no-such-code").then().statusCode(400).body("error", equalTo("invalid_grant"));
	}

	@Test
	void anExpiredDeviceCodeIsExpiredToken() {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		String deviceCode = DeviceFlow.start(cli, "notes.read").path("device_code");
		expire(deviceCode);

		DeviceFlow.poll(cli, deviceCode).then().statusCode(400).body("error", equalTo("expired_token"));
	}

	@Test
	void aDeviceCodeIsBoundToItsClient() {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		RegisteredCredentials other = registerDeviceClient(ClientType.CLI);
		String deviceCode = DeviceFlow.start(cli, "notes.read").path("device_code");

		DeviceFlow.poll(other, deviceCode).then().statusCode(400).body("error", equalTo("invalid_grant"));
	}

	@Test
	void deviceAndUserCodesAreStoredOnlyAsHashesAndPurgedOnceExpired() {
		RegisteredCredentials cli = registerDeviceClient(ClientType.CLI);
		Response authorization = DeviceFlow.start(cli, "notes.read");
		String deviceCode = authorization.path("device_code");
		String userCode = authorization.path("user_code");

		assertThat(kinds(deviceCode)).containsExactly("DEVICE_CODE");
		assertThat(kinds(userCode)).containsExactly("USER_CODE");
		assertThat(this.jdbc.queryForObject("select count(*) from oauth_token where token_hash in (?, ?)", Integer.class,
				deviceCode, userCode)).isZero();

		expire(deviceCode);
		this.jdbc.update("update oauth_authorization set expires_at = current_timestamp - interval '1' minute "
				+ "where id = (select authorization_id from oauth_token where token_hash = ?)", TokenHashes.hash(deviceCode));
		this.purger.purge();
		assertThat(kinds(deviceCode)).isEmpty();
		assertThat(kinds(userCode)).isEmpty();
	}

	@Test
	void theAdminApiRegistersCliAndNativeClientsForTheDeviceGrantOnly() {
		for (String type : List.of("cli", "native")) {
			admin().body(Map.of("client_name", "TV app", "client_type", type, "grant_types",
					List.of(DeviceFlow.GRANT, "refresh_token"), "scope", "notes.read"))
				.post("/admin/api/clients")
				.then()
				.statusCode(201)
				.body("grant_types", hasItem(DeviceFlow.GRANT));
		}
		admin().body(Map.of("client_name", "Cron job", "client_type", "m2m", "grant_types", List.of(DeviceFlow.GRANT)))
			.post("/admin/api/clients")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_client_metadata"));
	}

	private static String issuer() {
		return given().get("/.well-known/openid-configuration").path("issuer");
	}

	RegisteredCredentials registerDeviceClient(ClientType type) {
		return register(NewClient.of(null, "Notes CLI", type, Set.of(), Set.of("notes.read", "notes.write"), true)
			.withGrantTypes(Set.of(DeviceFlow.GRANT, "refresh_token")));
	}

	private void expire(String deviceCode) {
		this.jdbc.update("update oauth_token set issued_at = current_timestamp - interval '10' minute, "
				+ "expires_at = current_timestamp - interval '1' minute where authorization_id = (select authorization_id from oauth_token where token_hash = ?)",
				TokenHashes.hash(deviceCode));
	}

	private List<String> kinds(String value) {
		return this.jdbc.queryForList("select kind from oauth_token where token_hash = ?", String.class,
				TokenHashes.hash(value));
	}

}

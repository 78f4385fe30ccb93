package dev.oauthplatform.auth.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.Jwts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Registering, reading, changing, disabling and deleting clients through the admin API. */
class ClientAdminTest extends HttpTest {

	@Test
	void aConfidentialClientGetsItsSecretOnceAndCanUseIt() {
		JsonPath registered = registerClient(Map.of("client_name", "Billing job", "client_type", "m2m",
				"scope", "billing.read"));
		String clientId = registered.getString("client_id");
		assertThat(registered.getString("client_secret")).matches("[A-Za-z0-9_-]{43}");
		assertThat(registered.getLong("client_secret_expires_at")).isZero();
		assertThat(registered.getLong("client_id_issued_at")).isPositive();
		assertThat(registered.getList("grant_types")).containsExactly("client_credentials");
		assertThat(registered.getList("response_types")).isEmpty();
		assertThat(registered.getString("token_endpoint_auth_method")).isEqualTo("client_secret_basic");

		clientCredentials(new RegisteredCredentials(clientId, registered.getString("client_secret")));
		admin().get("/admin/api/clients/{id}", clientId)
			.then()
			.statusCode(200)
			.body("client_secret", nullValue())
			.body("client_name", equalTo("Billing job"))
			.body("client_secret_last_used_at", notNullValue());
	}

	@Test
	void aPublicClientGetsNoSecretAndAlwaysPkce() {
		JsonPath registered = registerClient(Map.of("client_name", "Shop SPA", "client_type", "spa",
				"redirect_uris", List.of("https://shop.example.com/app/")));
		assertThat(registered.getString("client_secret")).isNull();
		assertThat(registered.getString("client_secret_expires_at")).isNull();
		assertThat(registered.getString("token_endpoint_auth_method")).isEqualTo("none");
		assertThat(registered.getBoolean("require_pkce")).isTrue();
		assertThat(registered.getList("grant_types")).containsExactly("authorization_code", "refresh_token");
		assertThat(registered.getList("response_types")).containsExactly("code");
	}

	@Test
	void anAdminMayChooseTheClientIdAsSeed002Does() {
		String clientId = "seed-cli-" + UUID.randomUUID();
		registerClient(Map.of("client_id", clientId, "client_name", "Seed CLI", "client_type", "cli"));
		passwordGrant(new RegisteredCredentials(clientId, null), newUser(), USER_PASSWORD).then().statusCode(200);
	}

	@Test
	void registeringAnswersWithLocationAndNoStore() {
		admin().body(Json.of(Map.of("client_name", "Job", "client_type", "m2m")))
			.post("/admin/api/clients")
			.then()
			.statusCode(201)
			.header("Location", matchesPattern("/admin/api/clients/[0-9a-f-]{36}"))
			.header("Cache-Control", "no-store");
	}

	@Test
	void listingPagesAndFiltersByName() {
		String tag = "paging-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			registerClient(Map.of("client_name", tag + " " + i, "client_type", "m2m"));
		}
		admin().get("/admin/api/clients?name={tag}&size=2", tag)
			.then()
			.statusCode(200)
			.body("total", equalTo(3))
			.body("items.size()", equalTo(2))
			.body("items[0].client_name", equalTo(tag + " 0"));
		admin().get("/admin/api/clients?name={tag}&size=2&page=1", tag)
			.then()
			.body("items.size()", equalTo(1))
			.body("items[0].client_name", equalTo(tag + " 2"));
		admin().get("/admin/api/clients?size=0").then().statusCode(400).body("error", equalTo("invalid_request"));
	}

	@Test
	void anUpdateReplacesTheMetadataAndTakesEffectAtOnce() {
		JsonPath registered = registerClient(Map.of("client_name", "Job", "client_type", "m2m", "scope", "a"));
		String clientId = registered.getString("client_id");
		RegisteredCredentials credentials = new RegisteredCredentials(clientId, registered.getString("client_secret"));
		clientCredentials(credentials);

		admin().body(Json.of(Map.of("client_name", "Nightly job", "client_type", "m2m", "scope", "a b")))
			.put("/admin/api/clients/{id}", clientId)
			.then()
			.statusCode(200)
			.body("client_name", equalTo("Nightly job"))
			.body("scope", equalTo("a b"));
		tokenRequest(credentials).formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.body("scope", equalTo("a b"));
	}

	@Test
	void resourceServerAndAudiencesRoundTripAndTakeEffectAtOnce() {
		JsonPath registered = registerClient(Map.of("client_name", "Notes API", "client_type", "m2m",
				"resource_server", true, "audiences", List.of("https://notes.example.test", "https://api.example.test")));
		String clientId = registered.getString("client_id");
		RegisteredCredentials api = new RegisteredCredentials(clientId, registered.getString("client_secret"));
		String userToken = passwordGrant(register(ClientType.CLI, Set.of(), Set.of(), true), newUser(), USER_PASSWORD)
			.then().statusCode(200).extract().path("access_token");
		admin().get("/admin/api/clients/{id}", clientId)
			.then()
			.body("resource_server", equalTo(true))
			.body("audiences", contains("https://notes.example.test", "https://api.example.test"));
		introspect(api, userToken).then().body("active", equalTo(true));
		assertThat(Jwts.claims(tokenRequest(api).formParam("grant_type", "client_credentials")
			.formParam("resource", "https://api.example.test")
			.post("/oauth2/token")
			.path("access_token"))).containsEntry("aud", "https://api.example.test");

		// RFC 7592 replace: omitted, they fall back to their defaults
		admin().body(Json.of(Map.of("client_name", "Notes API", "client_type", "m2m")))
			.put("/admin/api/clients/{id}", clientId)
			.then()
			.statusCode(200)
			.body("resource_server", equalTo(false))
			.body("audiences", equalTo(List.of()));
		introspect(api, userToken).then().body("active", equalTo(false));
	}

	@Test
	void anUpdateCannotChangeTheTypeOrBreakItsRules() {
		String clientId = registerClient(Map.of("client_name", "Job", "client_type", "m2m")).getString("client_id");
		admin().body(Json.of(Map.of("client_name", "Job", "client_type", "web", "redirect_uris",
				List.of("https://a.example.com/cb"))))
			.put("/admin/api/clients/{id}", clientId)
			.then()
			.statusCode(400)
			.body("error_description", equalTo("client_type cannot change from m2m: register a new client instead"));
		admin().body(Json.of(Map.of("client_name", "Job", "redirect_uris", List.of("https://a.example.com/cb"))))
			.put("/admin/api/clients/{id}", clientId)
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_redirect_uri"));
	}

	@Test
	void aDisabledClientIsRefusedAndItsTokensAreInactiveUntilEnabledAgain() {
		JsonPath registered = registerClient(Map.of("client_name", "CLI", "client_type", "cli"));
		RegisteredCredentials cli = new RegisteredCredentials(registered.getString("client_id"), null);
		JsonPath tokens = passwordGrant(cli, newUser(), USER_PASSWORD).then().statusCode(200).extract().jsonPath();
		RegisteredCredentials introspector = registerResourceServer();

		setEnabled(cli.clientId(), false);
		refresh(cli, tokens.getString("refresh_token")).then().statusCode(401).body("error", equalTo("invalid_client"));
		introspect(introspector, tokens.getString("access_token")).then().body("active", equalTo(false));

		setEnabled(cli.clientId(), true);
		introspect(introspector, tokens.getString("access_token")).then().body("active", equalTo(true));
		refresh(cli, tokens.getString("refresh_token")).then().statusCode(200);
	}

	@Test
	void anEditThatDoesNotMentionEnabledLeavesADisabledClientDisabled() {
		String clientId = registerClient(Map.of("client_name", "Job", "client_type", "m2m")).getString("client_id");
		setEnabled(clientId, false);
		admin().body(Json.of(Map.of("client_name", "Renamed job", "client_type", "m2m")))
			.put("/admin/api/clients/{id}", clientId)
			.then()
			.statusCode(200)
			.body("client_name", equalTo("Renamed job"))
			.body("enabled", equalTo(false));
	}

	@Test
	void deletingAClientRevokesEverythingItWasGiven() {
		JsonPath registered = registerClient(Map.of("client_name", "CLI", "client_type", "cli"));
		RegisteredCredentials cli = new RegisteredCredentials(registered.getString("client_id"), null);
		String user = newUser();
		JsonPath tokens = passwordGrant(cli, user, USER_PASSWORD).then().statusCode(200).extract().jsonPath();
		RegisteredCredentials introspector = registerResourceServer();

		admin().delete("/admin/api/clients/{id}", cli.clientId()).then().statusCode(204);

		admin().get("/admin/api/clients/{id}", cli.clientId()).then().statusCode(404).body("error", equalTo("not_found"));
		introspect(introspector, tokens.getString("access_token")).then().body("active", equalTo(false));
		String userId = admin().get("/admin/api/users?q={u}", user).then().extract().path("items[0].id");
		admin().get("/admin/api/users/{id}/authorizations", userId).then().body("size()", equalTo(0));
		// a new client under the same id is a different client: the old tokens stay dead
		registerClient(Map.of("client_id", cli.clientId(), "client_name", "CLI again", "client_type", "cli"));
		refresh(cli, tokens.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
	}

	@Test
	void rotatingWithoutGraceStopsTheOldSecretAtOnce() {
		JsonPath registered = registerClient(Map.of("client_name", "Job", "client_type", "m2m"));
		String clientId = registered.getString("client_id");
		String oldSecret = registered.getString("client_secret");

		JsonPath rotated = admin().post("/admin/api/clients/{id}/secret", clientId)
			.then()
			.statusCode(200)
			.header("Cache-Control", "no-store")
			.body("previous_secret_expires_at", nullValue())
			.extract()
			.jsonPath();

		assertThat(rotated.getString("client_secret")).isNotEqualTo(oldSecret).matches("[A-Za-z0-9_-]{43}");
		clientCredentials(new RegisteredCredentials(clientId, rotated.getString("client_secret")));
		tokenRequest(new RegisteredCredentials(clientId, oldSecret)).formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_client"));
	}

	@Test
	void rotatingWithGraceKeepsBothSecretsUntilTheGraceEnds() throws InterruptedException {
		JsonPath registered = registerClient(Map.of("client_name", "Job", "client_type", "m2m"));
		String clientId = registered.getString("client_id");
		RegisteredCredentials old = new RegisteredCredentials(clientId, registered.getString("client_secret"));

		JsonPath rotated = admin().body(Json.of(Map.of("grace_period_seconds", 2)))
			.post("/admin/api/clients/{id}/secret", clientId)
			.then()
			.statusCode(200)
			.body("previous_secret_expires_at", notNullValue())
			.extract()
			.jsonPath();
		RegisteredCredentials current = new RegisteredCredentials(clientId, rotated.getString("client_secret"));

		clientCredentials(old);
		clientCredentials(current);
		admin().get("/admin/api/clients/{id}", clientId)
			.then()
			.body("previous_secret_expires_at", notNullValue())
			.body("previous_secret_last_used_at", notNullValue())
			.body("client_secret_last_used_at", notNullValue());

		Thread.sleep(2500);
		tokenRequest(old).formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(401);
		clientCredentials(current);
		admin().get("/admin/api/clients/{id}", clientId).then().body("previous_secret_expires_at", nullValue());
	}

	@Test
	void rotationIsRefusedForPublicClientsAndOverlongGrace() {
		String spa = registerClient(Map.of("client_name", "SPA", "client_type", "spa", "redirect_uris",
				List.of("https://shop.example.com/app/"))).getString("client_id");
		admin().post("/admin/api/clients/{id}/secret", spa)
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_client_metadata"))
			.body("error_description", equalTo("public clients have no secret to rotate"));
		String m2m = registerClient(Map.of("client_name", "Job", "client_type", "m2m")).getString("client_id");
		admin().body(Json.of(Map.of("grace_period_seconds", 8 * 24 * 3600)))
			.post("/admin/api/clients/{id}/secret", m2m)
			.then()
			.statusCode(400)
			.body("error_description", equalTo("grace_period_seconds must be between 0 and 604800 (7 days)"));
	}

	@Test
	void anUnknownClientIsA404Everywhere() {
		String missing = "missing-" + UUID.randomUUID();
		admin().get("/admin/api/clients/{id}", missing).then().statusCode(404).body("error", equalTo("not_found"));
		admin().body(Json.of(Map.of("client_name", "x", "client_type", "m2m")))
			.put("/admin/api/clients/{id}", missing)
			.then()
			.statusCode(404);
		admin().delete("/admin/api/clients/{id}", missing).then().statusCode(404);
		admin().post("/admin/api/clients/{id}/secret", missing).then().statusCode(404);
	}

	@Test
	void aWebClientMayRegisterWhereToReturnAfterSignOut() {
		String clientId = "signout-" + UUID.randomUUID();
		JsonPath registered = registerClient(Map.of("client_id", clientId, "client_name", "Shop", "client_type",
				"web", "redirect_uris", List.of("https://shop.example.test/cb"), "post_logout_redirect_uris",
				List.of("https://shop.example.test/bye")));

		assertThat(registered.getList("post_logout_redirect_uris")).containsExactly("https://shop.example.test/bye");

		admin().get("/admin/api/clients/{id}", clientId).then()
			.body("post_logout_redirect_uris", contains("https://shop.example.test/bye"));
	}

	@Test
	void aRefusedPostLogoutRedirectUriLeavesNoClientBehind() {
		String clientId = "signout-" + UUID.randomUUID();
		admin().body(Json.of(Map.of("client_id", clientId, "client_name", "Shop", "client_type", "web",
				"redirect_uris", List.of("https://shop.example.test/cb"), "post_logout_redirect_uris",
				List.of("https://*.example.test/bye"))))
			.post("/admin/api/clients")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_redirect_uri"));

		admin().get("/admin/api/clients/{id}", clientId).then().statusCode(404);
	}

	@Test
	void theBuiltInClientsAreListed() {
		admin().get("/admin/api/clients?name=admin-").then().body("items.client_id", hasItem("admin-cli"));
	}

	private static JsonPath registerClient(Map<String, Object> metadata) {
		return admin().body(Json.of(metadata))
			.post("/admin/api/clients")
			.then()
			.statusCode(201)
			.extract()
			.jsonPath();
	}

	private static void setEnabled(String clientId, boolean enabled) {
		Map<String, Object> current = admin().get("/admin/api/clients/{id}", clientId).then().extract().path("");
		Map<String, Object> change = Json.with(current, Map.of("enabled", enabled));
		admin().body(Json.of(change)).put("/admin/api/clients/{id}", clientId).then().statusCode(200)
			.body("enabled", equalTo(enabled));
	}

	@Test
	void aClientMayHoldAHundredScopesOfAHundredCharactersAndGetTokensForThem() {
		String tag = uniqueTag();
		Set<String> scopes = new java.util.LinkedHashSet<>();
		for (int i = 0; i < 100; i++) {
			scopes.add((tag + "." + i + ".").concat("0123456789".repeat(10)).substring(0, 100));
		}
		RegisteredCredentials job = register(ClientType.M2M, Set.of(), scopes, true);

		admin().get("/admin/api/clients/{id}", job.clientId()).then().statusCode(200)
			.body("scope", equalTo(String.join(" ", scopes)));
		String token = clientCredentials(job);
		assertThat(String.valueOf(Jwts.claims(token).get("scope")).split(" ")).containsExactlyInAnyOrderElementsOf(scopes);
	}

	private static String uniqueTag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}

package dev.oauthplatform.auth.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.DeviceFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Instances;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.SecretsSeen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each action that issue 18 audits writes one event, with the username or client id that acted,
 * the address it acted from and what it acted on, and never a secret.
 */
class AuditTrailTest extends HttpTest {

	private static final String REDIRECT = "https://partner.example.test/callback";

	private static final String EVENTS = "/admin/api/audit-events";

	@Autowired
	private AuditLog audit;

	@Autowired
	private AuditPurger purger;

	@Autowired
	private JdbcTemplate jdbc;

	/** Every test: no stored event holds a password, client secret, code or token seen so far. */
	@AfterEach
	void noSecretIsStored() {
		this.audit.flush();
		List<String> stored = this.jdbc.queryForList(
				"select coalesce(actor, '') || ' ' || coalesce(ip, '') || ' ' || details from audit_event", String.class);
		Set<String> secrets = SecretsSeen.values();
		assertThat(stored).allSatisfy((event) -> assertThat(secrets).noneMatch(event::contains));
	}

	@Test
	void passwordGrantSignInsAreAuditedUnderTheUsernameTypedAndTheCallersAddress() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		String address = randomAddress();

		passwordGrantFrom(address, cli, username, USER_PASSWORD).then().statusCode(200);
		passwordGrantFrom(address, cli, username, "not the password at all").then().statusCode(400);

		assertThat(onlyEvent("user.sign_in.succeeded", username, address)).containsEntry("outcome", "success")
			.containsEntry("details", Map.of("client_id", cli.clientId()));
		assertThat(onlyEvent("user.sign_in.failed", username, address)).containsEntry("outcome", "failure")
			.containsEntry("details", Map.of("client_id", cli.clientId()));
	}

	@Test
	void aFormSignInIsAudited() {
		String username = newUser();
		String address = randomAddress();

		new BrowserFlow(baseUrl(), address).signInFor("/account/apps", username, USER_PASSWORD);

		assertThat(onlyEvent("user.sign_in.succeeded", username, address)).containsEntry("details", Map.of());
	}

	@Test
	void aThrottledSignInIsAuditedOnceAndItsFailuresEach() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		String address = randomAddress();
		for (int i = 0; i < 5; i++) {
			passwordGrantFrom(address, cli, username, "wrong password " + i).then().statusCode(400);
		}

		passwordGrantFrom(address, cli, username, USER_PASSWORD).then().statusCode(400);

		assertThat(events("user.sign_in.failed", username, address)).hasSize(5);
		assertThat(onlyEvent("user.sign_in.throttled", username, address)).containsEntry("outcome", "failure");
		assertThat(events("user.sign_in.succeeded", username, address)).isEmpty();
	}

	@Test
	void userAdministrationIsAuditedUnderTheAdminWithTheUserInTheDetails() {
		String address = randomAddress();
		String username = "audited-" + UUID.randomUUID();
		String password = "violet audit lantern " + UUID.randomUUID();
		SecretsSeen.add(password);
		String id = adminFrom(address)
			.body(Json.of(Map.of("username", username, "password", password, "email", username + "@example.test",
					"roles", List.of("USER"))))
			.post("/admin/api/users")
			.then()
			.statusCode(201)
			.extract()
			.path("id");
		adminFrom(address).body(Json.of(Map.of("email", "new-" + username + "@example.test")))
			.patch("/admin/api/users/{id}", id)
			.then()
			.statusCode(200);
		adminFrom(address).body(Json.of(Map.of("enabled", false))).patch("/admin/api/users/{id}", id).then().statusCode(200);
		adminFrom(address).body(Json.of(Map.of("password", "another long passphrase for audit")))
			.post("/admin/api/users/{id}/password", id)
			.then()
			.statusCode(204);
		adminFrom(address).delete("/admin/api/users/{id}", id).then().statusCode(204);

		for (String type : List.of("user.created", "user.updated", "user.disabled", "user.password.reset",
				"user.deleted")) {
			assertThat(onlyEvent(type, ADMIN_USERNAME, address)).extracting("details")
				.isEqualTo(Map.of("user_id", id, "username", username));
		}
	}

	@Test
	void clientAdministrationIsAuditedUnderTheAdminAndListedByClient() {
		String address = randomAddress();
		String clientId = adminFrom(address).body(Json.of(Map.of("client_name", "Audited job", "client_type", "m2m")))
			.post("/admin/api/clients")
			.then()
			.statusCode(201)
			.extract()
			.path("client_id");
		adminFrom(address).body(Json.of(Map.of("client_name", "Audited nightly job", "client_type", "m2m")))
			.put("/admin/api/clients/{id}", clientId)
			.then()
			.statusCode(200);
		adminFrom(address).body("{\"grace_period_seconds\": 60}")
			.post("/admin/api/clients/{id}/secret", clientId)
			.then()
			.statusCode(200);
		adminFrom(address).delete("/admin/api/clients/{id}", clientId).then().statusCode(204);

		List<Map<String, Object>> trail = page(Map.of("client_id", clientId)).getList("items");
		assertThat(trail).extracting((event) -> event.get("type"))
			.containsExactly("client.deleted", "client.secret.rotated", "client.updated", "client.created");
		assertThat(trail).allSatisfy((event) -> assertThat(event).containsEntry("actor", ADMIN_USERNAME)
			.containsEntry("ip", address)
			.containsEntry("outcome", "success"));
		assertThat(trail.get(1)).extracting("details")
			.isEqualTo(Map.of("client_id", clientId, "grace_period_seconds", "60"));
	}

	@Test
	void aConsentGivenAndWithdrawnByTheUserIsAudited() {
		RegisteredCredentials partner = partnerApp();
		String username = newUser();
		String address = randomAddress();
		BrowserFlow browser = new BrowserFlow(baseUrl(), address);
		CodeFlow.tokensAfterConsent(browser, partner, REDIRECT, username, USER_PASSWORD, "notes.read");

		browser.follow(browser.submit(browser.page("/account/apps"), "/account/apps/" + partner.clientId() + "/revoke"));

		assertThat(onlyEvent("consent.granted", username, address)).extracting("details")
			.isEqualTo(Map.of("client_id", partner.clientId(), "scope", "notes.read"));
		assertThat(onlyEvent("consent.revoked", username, address)).extracting("details")
			.isEqualTo(Map.of("client_id", partner.clientId()));
	}

	@Test
	void anAdminRevokingAGrantAndAConsentIsAudited() {
		RegisteredCredentials partner = partnerApp();
		String username = "user-" + UUID.randomUUID();
		SecretsSeen.add(USER_PASSWORD);
		String userId = this.accounts.create(username, USER_PASSWORD, username + "@example.test", Set.of("USER"))
			.getId();
		CodeFlow.tokensAfterConsent(new BrowserFlow(baseUrl()), partner, REDIRECT, username, USER_PASSWORD,
				"notes.read");
		String address = randomAddress();
		String authorizationId = admin().get("/admin/api/users/{id}/authorizations", userId).path("[0].id");

		adminFrom(address).delete("/admin/api/users/{id}/authorizations/{authorization}", userId, authorizationId)
			.then()
			.statusCode(204);
		adminFrom(address).delete("/admin/api/users/{id}/consents/{client}", userId, partner.clientId())
			.then()
			.statusCode(204);

		assertThat(onlyEvent("grant.revoked", ADMIN_USERNAME, address)).extracting("details")
			.isEqualTo(Map.of("authorization_id", authorizationId, "user_id", userId, "username", username,
					"client_id", partner.clientId()));
		assertThat(onlyEvent("consent.revoked", ADMIN_USERNAME, address)).extracting("details")
			.isEqualTo(Map.of("user_id", userId, "username", username, "client_id", partner.clientId()));
	}

	@Test
	void aReusedRefreshTokenIsAuditedUnderTheClient() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String first = passwordGrant(cli, newUser(), USER_PASSWORD).path("refresh_token");
		refresh(cli, first).then().statusCode(200);
		String address = randomAddress();

		tokenRequest(cli).header("X-Forwarded-For", address)
			.formParam("grant_type", "refresh_token")
			.formParam("refresh_token", first)
			.post("/oauth2/token")
			.then()
			.statusCode(400);

		assertThat(onlyEvent("refresh_token.reuse_detected", cli.clientId(), address))
			.containsEntry("outcome", "failure")
			.extracting("details")
			.isEqualTo(Map.of("client_id", cli.clientId()));
	}

	@Test
	void aKeyRotationIsAudited() {
		String address = randomAddress();

		adminFrom(address).body("{\"algorithm\": \"ES256\", \"activate_after_seconds\": 0}")
			.post("/admin/api/keys/rotate")
			.then()
			.statusCode(202);

		assertThat(onlyEvent("key.rotated", ADMIN_USERNAME, address)).extracting("details")
			.isEqualTo(Map.of("emergency", "false"));
	}

	@Test
	void aDeviceApprovedAndADeviceDeniedAreAuditedUnderTheUser() {
		RegisteredCredentials cli = register(NewClient.of(null, "Notes CLI", ClientType.CLI, Set.of(),
				Set.of("notes.read"), true).withGrantTypes(Set.of(DeviceFlow.GRANT, "refresh_token")));
		String username = newUser();
		String address = randomAddress();

		decide(new BrowserFlow(baseUrl(), address), cli, username, "approve");
		decide(new BrowserFlow(baseUrl(), address), cli, username, "deny");

		Map<String, String> details = Map.of("client_id", cli.clientId(), "scope", "notes.read");
		assertThat(onlyEvent("device.approved", username, address)).extracting("details").isEqualTo(details);
		assertThat(onlyEvent("device.denied", username, address)).extracting("details").isEqualTo(details);
	}

	@Test
	void clientCredentialsTokensWriteNoEvent() {
		RegisteredCredentials job = register(NewClient.of(null, "Busy job", ClientType.M2M, Set.of(), Set.of(), true));

		for (int i = 0; i < 3; i++) {
			clientCredentials(job);
		}

		assertThat(page(Map.of("client_id", job.clientId())).getList("items")).isEmpty();
		assertThat(page(Map.of("actor", job.clientId())).getList("items")).isEmpty();
	}

	@Test
	void theListIsNewestFirstAndPagedByLimit() {
		String actor = "paging-" + UUID.randomUUID();
		Instant before = Instant.now().minusSeconds(1);
		for (int i = 0; i < 3; i++) {
			this.audit.record(AuditType.KEY_ROTATED, actor, "192.0.2.1", Map.of("n", String.valueOf(i)));
		}

		JsonPath first = page(Map.of("actor", actor, "limit", 2, "since", before.toString()));
		JsonPath second = page(Map.of("actor", actor, "limit", 2, "page", 1));

		assertThat(first.getInt("total")).isEqualTo(3);
		assertThat(first.getInt("size")).isEqualTo(2);
		assertThat(first.getList("items.details.n")).containsExactly("2", "1");
		assertThat(second.getInt("page")).isEqualTo(1);
		assertThat(second.getList("items.details.n")).containsExactly("0");
		assertThat(Instant.parse(first.getString("items[0].time"))).isAfter(before);
		assertThat(page(Map.of("actor", actor, "since", Instant.now().plusSeconds(60).toString())).getList("items"))
			.isEmpty();
		assertThat(page(Map.of("actor", actor, "type", "key.rotated")).getInt("total")).isEqualTo(3);
		assertThat(page(Map.of("actor", actor, "type", "user.created")).getInt("total")).isZero();
	}

	@Test
	void aBadFilterIsAnInvalidRequest() {
		String token = adminToken();
		for (Map<String, ?> bad : List.of(Map.of("since", "yesterday"), Map.of("limit", 0), Map.of("limit", 501),
				Map.of("limit", "many"), Map.of("page", -1))) {
			given().auth()
				.oauth2(token)
				.queryParams(bad)
				.get(EVENTS)
				.then()
				.statusCode(400)
				.body("error", equalTo("invalid_request"));
		}
		given().get(EVENTS).then().statusCode(401);
	}

	@Test
	void aBatchTheDatabaseRefusedIsWrittenByTheNextFlush() {
		String actor = "retry-" + UUID.randomUUID();
		this.audit.flush();
		this.jdbc.execute("alter table audit_event rename to audit_event_away");
		try {
			this.audit.record(AuditType.KEY_ROTATED, actor, null, Map.of());
			this.audit.flush();
		}
		finally {
			this.jdbc.execute("alter table audit_event_away rename to audit_event");
		}

		this.audit.flush();

		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where actor = ?", Integer.class, actor))
			.isEqualTo(1);
	}

	@Test
	void eventsOlderThanTheRetentionArePurged() {
		String actor = "purge-" + UUID.randomUUID();
		insert(actor, Instant.now().minus(91, ChronoUnit.DAYS));
		insert(actor, Instant.now().minus(89, ChronoUnit.DAYS));

		assertThat(this.purger.purge()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.queryForList("select occurred_at from audit_event where actor = ?", OffsetDateTime.class,
				actor)).singleElement()
			.satisfies((time) -> assertThat(time.toInstant()).isAfter(Instant.now().minus(90, ChronoUnit.DAYS)));
	}

	@Test
	void eventsRecordedJustBeforeShutdownAreWrittenOnStop() throws Exception {
		String database = Instances.freshDatabase();
		// the writer would wait an hour: only the stop writes them
		ConfigurableApplicationContext instance = Instances.start(database, "--auth.audit.flush-interval=1h");
		try {
			AuditLog log = instance.getBean(AuditLog.class);
			for (int i = 0; i < 250; i++) {
				log.record(AuditType.KEY_ROTATED, "shutdown-test", null, Map.of("n", String.valueOf(i)));
			}
		}
		finally {
			instance.close();
		}
		try (Connection connection = Instances.connect(database);
				Statement statement = connection.createStatement();
				ResultSet count = statement
					.executeQuery("select count(*) from audit_event where actor = 'shutdown-test'")) {
			count.next();
			assertThat(count.getInt(1)).isEqualTo(250);
		}
		finally {
			Instances.drop(database);
		}
	}

	private void insert(String actor, Instant time) {
		this.jdbc.update("insert into audit_event (id, occurred_at, type, actor, outcome, details) "
				+ "values (?, ?, 'key.rotated', ?, 'success', '{}')", UUID.randomUUID().toString(),
				OffsetDateTime.ofInstant(time, ZoneOffset.UTC), actor);
	}

	private static Response passwordGrantFrom(String address, RegisteredCredentials client, String username,
			String password) {
		return tokenRequest(client).header("X-Forwarded-For", address)
			.formParam("grant_type", "password")
			.formParam("username", username)
			.formParam("password", password)
			.post("/oauth2/token");
	}

	private static RequestSpecification adminFrom(String address) {
		return admin().header("X-Forwarded-For", address);
	}

	private RegisteredCredentials partnerApp() {
		return register(NewClient.of(null, "Partner App", ClientType.WEB, Set.of(REDIRECT), Set.of("notes.read"),
				false));
	}

	/** A device asks for codes; the user signs in on /activate from this browser and approves or denies. */
	private void decide(BrowserFlow browser, RegisteredCredentials device, String username, String decision) {
		Response codes = DeviceFlow.start(device, "notes.read");
		Response confirm = DeviceFlow.confirmationPage(browser, username, USER_PASSWORD, codes.path("user_code"));
		Response done = browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(confirm.asString()))
			.formParam("decision", decision)
			.post(baseUrl() + "/activate");
		assertThat(done.header("Location")).contains("/activate/done?result=");
	}

	/** The events of this type and actor from this address, as the API lists them. */
	private List<Map<String, Object>> events(String type, String actor, String address) {
		List<Map<String, Object>> items = page(Map.of("type", type, "actor", actor, "limit", 500)).getList("items");
		return items.stream().filter((event) -> address.equals(event.get("ip"))).toList();
	}

	private Map<String, Object> onlyEvent(String type, String actor, String address) {
		List<Map<String, Object>> found = events(type, actor, address);
		assertThat(found).as("%s events by %s from %s", type, actor, address).hasSize(1);
		return found.get(0);
	}

	private JsonPath page(Map<String, ?> query) {
		this.audit.flush();
		return admin().queryParams(query).get(EVENTS).then().statusCode(200).extract().jsonPath();
	}

}

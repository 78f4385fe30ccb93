package dev.oauthplatform.auth.session;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.Pkce;
import dev.oauthplatform.auth.support.SecretsSeen;
import dev.oauthplatform.auth.user.AppUser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sessions live in the database (SPRING_SESSION), where every instance finds them: the
 * protocol endpoints a backend calls never create or touch one, and an account change deletes the
 * user's sessions at once.
 */
class StoredSessionsTest extends HttpTest {

	private static final String REDIRECT = "https://app.example.test/callback";

	private static final String SESSION_COOKIE = "JSESSIONID";

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void tokenRequestsCreateNoSession() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		long before = sessionRows();

		for (int i = 0; i < 20; i++) {
			Response token = tokenRequest(m2m).formParam("grant_type", "client_credentials").post("/oauth2/token");
			assertThat(token.statusCode()).isEqualTo(200);
			assertThat(token.headers().getValues("Set-Cookie")).isEmpty();
		}
		Response refused = given().auth()
			.preemptive()
			.basic(m2m.clientId(), "wrong secret")
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().getValues("Set-Cookie")).isEmpty();

		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void aBrowsersSessionCookieSentToTheProtocolEndpointsIsNeitherReadNorWritten() throws InterruptedException {
		SignedIn alice = signedIn();
		RegisteredCredentials m2m = registerResourceServer();
		long lastAccess = lastAccessTime(alice.user);
		Thread.sleep(5);

		String token = alice.request()
			.auth()
			.preemptive()
			.basic(m2m.clientId(), m2m.clientSecret())
			.formParam("grant_type", "client_credentials")
			.post(baseUrl() + "/oauth2/token")
			.then()
			.statusCode(200)
			.header("Set-Cookie", (String) null)
			.extract()
			.path("access_token");
		assertUntouched(alice, lastAccess, "token", null);
		assertUntouched(alice, lastAccess, "introspection", alice.request()
			.auth()
			.preemptive()
			.basic(m2m.clientId(), m2m.clientSecret())
			.formParam("token", token)
			.post(baseUrl() + "/oauth2/introspect"));
		assertUntouched(alice, lastAccess, "revocation", alice.request()
			.auth()
			.preemptive()
			.basic(m2m.clientId(), m2m.clientSecret())
			.formParam("token", token)
			.post(baseUrl() + "/oauth2/revoke"));
		assertUntouched(alice, lastAccess, "JWKS", alice.request().get(baseUrl() + "/oauth2/jwks"));
		assertUntouched(alice, lastAccess, "OpenID discovery",
				alice.request().get(baseUrl() + "/.well-known/openid-configuration"));
		assertUntouched(alice, lastAccess, "OAuth discovery",
				alice.request().get(baseUrl() + "/.well-known/oauth-authorization-server"));
		// and the session still stands
		assertThat(alice.authorize().header("Location")).startsWith(REDIRECT + "?code=");
	}

	@Test
	void aSignedInSessionIsStoredUnderTheUsersId() {
		SignedIn alice = signedIn();

		assertThat(sessionRowsOf(alice.user)).isEqualTo(1);
	}

	@Test
	void disablingAUserDeletesTheirSessions() {
		SignedIn alice = signedIn();
		SignedIn aliceElsewhere = signedInAgain(alice);
		assertThat(sessionRowsOf(alice.user)).isEqualTo(2);

		admin().body("{\"enabled\": false}").patch("/admin/api/users/{id}", alice.user.getId()).then().statusCode(200);

		assertThat(sessionRowsOf(alice.user)).isZero();
		assertThat(aliceElsewhere.authorize().header("Location")).endsWith("/login");
	}

	@Test
	void deletingAUserDeletesTheirSessions() {
		SignedIn alice = signedIn();

		admin().delete("/admin/api/users/{id}", alice.user.getId()).then().statusCode(204);

		assertThat(sessionRowsOf(alice.user)).isZero();
	}

	@Test
	void aNewPasswordDeletesTheUsersSessions() {
		SignedIn alice = signedIn();
		String newPassword = "another brand new passphrase 2026";
		SecretsSeen.add(newPassword);

		admin().body(Json.of(Map.of("password", newPassword)))
			.post("/admin/api/users/{id}/password", alice.user.getId())
			.then()
			.statusCode(204);

		assertThat(sessionRowsOf(alice.user)).isZero();
	}

	@Test
	void newRolesDeleteTheUsersSessionsButAnEmailChangeDoesNot() {
		SignedIn alice = signedIn();

		admin().body("{\"email\": \"alice@example.test\"}")
			.patch("/admin/api/users/{id}", alice.user.getId())
			.then()
			.statusCode(200);
		assertThat(sessionRowsOf(alice.user)).isEqualTo(1);

		admin().body("{\"roles\": [\"USER\", \"AUDITOR\"]}")
			.patch("/admin/api/users/{id}", alice.user.getId())
			.then()
			.statusCode(200);
		assertThat(sessionRowsOf(alice.user)).isZero();
	}

	@Test
	void aRefusedChangeDeletesNoSession() {
		SignedIn alice = signedIn();

		admin().body("{\"roles\": [\"not a role\"]}")
			.patch("/admin/api/users/{id}", alice.user.getId())
			.then()
			.statusCode(400);

		assertThat(sessionRowsOf(alice.user)).isEqualTo(1);
	}

	private void assertUntouched(SignedIn signedIn, long lastAccess, String endpoint, Response response) {
		if (response != null) {
			assertThat(response.statusCode()).as(endpoint).isEqualTo(200);
			assertThat(response.headers().getValues("Set-Cookie")).as(endpoint).isEmpty();
		}
		assertThat(lastAccessTime(signedIn.user)).as("the session's last access after the " + endpoint + " endpoint")
			.isEqualTo(lastAccess);
	}

	private long sessionRows() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

	private long sessionRowsOf(AppUser user) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				user.getId());
	}

	private long lastAccessTime(AppUser user) {
		return this.jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?",
				Long.class, user.getId());
	}

	private SignedIn signedIn() {
		RegisteredCredentials client = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true);
		AppUser user = this.accounts.create("alice-" + UUID.randomUUID(), USER_PASSWORD, null, Set.of("USER"));
		return signIn(client, user);
	}

	/** The same user in a second browser. */
	private SignedIn signedInAgain(SignedIn signedIn) {
		return signIn(signedIn.client, signedIn.user);
	}

	private SignedIn signIn(RegisteredCredentials client, AppUser user) {
		SecretsSeen.add(USER_PASSWORD);
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response afterSignIn = browser.signIn(
				browser.authorize(CodeFlow.request(client, REDIRECT, Pkce.create(), "openid")), user.getUsername(),
				USER_PASSWORD);
		assertThat(afterSignIn.header("Location")).startsWith(REDIRECT + "?code=");
		assertThat(browser.cookie(SESSION_COOKIE)).isNotNull();
		return new SignedIn(browser, client, user);
	}

	private record SignedIn(BrowserFlow browser, RegisteredCredentials client, AppUser user) {

		Response authorize() {
			return this.browser.authorize(CodeFlow.request(this.client, REDIRECT, Pkce.create(), "openid"));
		}

		/** A request carrying this browser's session cookie, and only it (no cookie jar: nothing is kept). */
		RequestSpecification request() {
			return given().cookie(SESSION_COOKIE, this.browser.cookie(SESSION_COOKIE)).redirects().follow(false);
		}

	}

}

package dev.oauthplatform.auth.session;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.Jwts;
import dev.oauthplatform.auth.support.Pkce;
import dev.oauthplatform.auth.support.SecretsSeen;
import dev.oauthplatform.auth.user.AppUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser session ends with the account: once an admin disables a user, sets a new password,
 * changes their roles or deletes them, the session gets no further code from the authorization
 * endpoint (prompt=none included), and a new user who takes a deleted user's name inherits nothing.
 */
class SessionEndsWithTheAccountTest extends HttpTest {

	private static final String REDIRECT = "https://app.example.test/callback";

	private static final String NEW_PASSWORD = "a brand new passphrase 2026";

	@Test
	void aSessionWhoseAccountIsUnchangedKeepsGettingCodesWithoutSigningInAgain() {
		SignedIn alice = signedIn();

		assertThat(alice.authorize(null).header("Location")).startsWith(REDIRECT + "?code=");
		assertThat(alice.authorize("none").header("Location")).startsWith(REDIRECT + "?code=");
	}

	@Test
	void disablingAUserEndsTheirSession() {
		SignedIn alice = signedIn();

		admin().body("{\"enabled\": false}").patch("/admin/api/users/{id}", alice.user.getId()).then().statusCode(200);

		alice.assertSignedOut();
	}

	@Test
	void aNewPasswordEndsTheSessionsSignedInWithTheOldOne() {
		SignedIn alice = signedIn();
		SecretsSeen.add(NEW_PASSWORD);

		admin().body(Json.of(Map.of("password", NEW_PASSWORD)))
			.post("/admin/api/users/{id}/password", alice.user.getId())
			.then()
			.statusCode(204);

		alice.assertSignedOut();
	}

	@Test
	void newRolesEndTheSessionsThatHoldTheOldOnes() {
		SignedIn alice = signedIn();

		admin().body("{\"roles\": [\"USER\", \"AUDITOR\"]}")
			.patch("/admin/api/users/{id}", alice.user.getId())
			.then()
			.statusCode(200);

		alice.assertSignedOut();
	}

	@Test
	void aDeletedUsersSessionGivesNothingToANewUserOfTheSameName() {
		SignedIn alice = signedIn();
		admin().delete("/admin/api/users/{id}", alice.user.getId()).then().statusCode(204);
		AppUser newAlice = this.accounts.create(alice.user.getUsername(), USER_PASSWORD, null, Set.of("USER"));

		alice.assertSignedOut();
		// and were a code issued, no token would name the new user
		assertThat(newAlice.getId()).isNotEqualTo(alice.user.getId());
	}

	@Test
	void theNewUserOfADeletedUsersNameSignsInAfreshAndGetsTheirOwnSubject() {
		SignedIn alice = signedIn();
		admin().delete("/admin/api/users/{id}", alice.user.getId()).then().statusCode(204);
		AppUser newAlice = this.accounts.create(alice.user.getUsername(), USER_PASSWORD, null, Set.of("USER"));

		Pkce pkce = Pkce.create();
		Response afterSignIn = alice.browser.signIn(alice.browser.authorize(CodeFlow.request(alice.client, REDIRECT,
				pkce, "openid")), newAlice.getUsername(), USER_PASSWORD);
		String code = BrowserFlow.redirectParameters(afterSignIn).get("code");
		String accessToken = CodeFlow.exchange(alice.client, code, REDIRECT, pkce.verifier())
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");

		assertThat(Jwts.claims(accessToken).get("sub")).isEqualTo(newAlice.getId());
	}

	private SignedIn signedIn() {
		RegisteredCredentials client = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true);
		AppUser user = this.accounts.create("alice-" + UUID.randomUUID(), USER_PASSWORD, null, Set.of("USER"));
		SecretsSeen.add(USER_PASSWORD);
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response afterSignIn = browser.signIn(
				browser.authorize(CodeFlow.request(client, REDIRECT, Pkce.create(), "openid")), user.getUsername(),
				USER_PASSWORD);
		assertThat(afterSignIn.header("Location")).startsWith(REDIRECT + "?code=");
		return new SignedIn(browser, client, user);
	}

	private record SignedIn(BrowserFlow browser, RegisteredCredentials client, AppUser user) {

		Response authorize(String prompt) {
			Map<String, String> request = CodeFlow.request(this.client, REDIRECT, Pkce.create(), "openid");
			if (prompt != null) {
				request.put("prompt", prompt);
			}
			return this.browser.authorize(request);
		}

		void assertSignedOut() {
			assertThat(authorize(null).header("Location")).endsWith("/login");
			Map<String, String> silent = BrowserFlow.redirectParameters(authorize("none"));
			assertThat(silent).containsEntry("error", "login_required").doesNotContainKey("code");
			assertThat(this.browser.page("/account/apps").header("Location")).endsWith("/login");
		}

	}

}

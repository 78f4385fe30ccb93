package dev.oauthplatform.auth.grant.password;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;
import dev.oauthplatform.auth.user.AppUserRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

class PasswordGrantTest extends HttpTest {

	@Autowired
	private AppUserRepository users;

	@Test
	void aCliClientGetsTokensForTheUserWithoutAnIdToken() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("openid", "notes.read"), true);
		String username = newUser();

		String token = passwordGrant(cli, username, USER_PASSWORD).then()
			.statusCode(200)
			.body("access_token", notNullValue())
			.body("refresh_token", notNullValue())
			.body("id_token", nullValue())
			.body("scope", equalTo("notes.read"))
			.extract()
			.path("access_token");

		assertThat(Jwts.claims(token)).containsEntry("preferred_username", username)
			.containsEntry("client_id", cli.clientId())
			.doesNotContainEntry("sub", username);
	}

	@Test
	void aWrongPasswordIsInvalidGrant() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);

		passwordGrant(cli, newUser(), "wrong password").then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
		passwordGrant(cli, "nobody-" + System.nanoTime(), USER_PASSWORD).then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
	}

	@Test
	void aClientNotRegisteredForThePasswordGrantIsUnauthorized() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);

		passwordGrant(m2m, newUser(), USER_PASSWORD).then()
			.statusCode(400)
			.body("error", equalTo("unauthorized_client"));
	}

	@Test
	void requestedScopesAreLimitedToTheClients() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);

		tokenRequest(cli).formParam("grant_type", "password")
			.formParam("username", newUser())
			.formParam("password", USER_PASSWORD)
			.formParam("scope", "notes.read admin")
			.post("/oauth2/token")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_scope"));
	}

	@Test
	void aDisabledUserCannotSignIn() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		this.users.findByUsername(username).ifPresent((user) -> {
			user.setEnabled(false);
			this.users.save(user);
		});

		passwordGrant(cli, username, USER_PASSWORD).then().statusCode(400).body("error", equalTo("invalid_grant"));
	}

}

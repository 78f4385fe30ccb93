package dev.oauthplatform.auth.grant;

import java.util.List;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.Concurrently;
import dev.oauthplatform.auth.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

class RefreshTokenGrantTest extends HttpTest {

	@Test
	void aPublicClientsRefreshTokenRotatesOnEveryUse() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String first = passwordGrant(cli, newUser(), USER_PASSWORD).then().statusCode(200).extract().path("refresh_token");

		String second = refresh(cli, first).then()
			.statusCode(200)
			.body("access_token", notNullValue())
			.body("refresh_token", not(equalTo(first)))
			.extract()
			.path("refresh_token");

		refresh(cli, second).then().statusCode(200);
	}

	@Test
	void refreshTokenReuseRevokesTheWholeFamily() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials introspector = registerResourceServer();
		String stolen = passwordGrant(cli, newUser(), USER_PASSWORD).then().extract().path("refresh_token");
		Response legitimate = refresh(cli, stolen);
		String current = legitimate.path("refresh_token");
		String currentAccessToken = legitimate.path("access_token");

		refresh(cli, stolen).then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"))
			.body("error_description", equalTo("The refresh token was already used; every token of this grant is now revoked"));

		refresh(cli, current).then().statusCode(400).body("error", equalTo("invalid_grant"));
		introspect(introspector, currentAccessToken).then().statusCode(200).body("active", equalTo(false));
	}

	@Test
	void twoConcurrentRefreshesWithOneTokenCannotBothWin() {
		RegisteredCredentials spa = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		int attempts = 6;
		for (int round = 0; round < 3; round++) {
			String token = passwordGrant(spa, newUser(), USER_PASSWORD).then().extract().path("refresh_token");
			List<Integer> statuses = Concurrently.run(attempts, () -> refresh(spa, token).statusCode());
			assertThat(statuses).containsOnly(200, 400);
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		}
	}

	@Test
	void aConfidentialClientRefreshesWithItsSecret() {
		RegisteredCredentials cli = register(
				NewClient.of(null, "confidential cli", ClientType.CLI, Set.of(), Set.of("notes.read"), true)
					.withAuthMethod("client_secret_basic"));
		String refreshToken = passwordGrant(cli, newUser(), USER_PASSWORD).then()
			.statusCode(200)
			.extract()
			.path("refresh_token");

		refresh(cli, refreshToken).then().statusCode(200).body("scope", equalTo("notes.read"));
	}

	@Test
	void aRefreshTokenOfAnotherClientIsRefused() {
		RegisteredCredentials owner = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials other = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String refreshToken = passwordGrant(owner, newUser(), USER_PASSWORD).then().extract().path("refresh_token");

		refresh(other, refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
	}

}

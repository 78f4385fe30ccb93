package dev.oauthplatform.auth.admin;

import java.util.Set;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A user's consents and active grants, as an admin lists and revokes them. */
class GrantAdminTest extends HttpTest {

	private static final String REDIRECT = "https://partner.example.test/callback";

	@Test
	void aConsentIsListedAndRevokingItStopsTheClientsTokens() {
		RegisteredCredentials partner = register(ClientType.WEB, Set.of(REDIRECT), Set.of("notes.read"), false);
		String username = newUser();
		JsonPath tokens = consentAndExchange(partner, username);
		String userId = userId(username);

		JsonPath consents = admin().get("/admin/api/users/{id}/consents", userId).then().statusCode(200).extract()
			.jsonPath();
		assertThat(consents.getList("client_id")).containsExactly(partner.clientId());
		assertThat(consents.getList("scopes[0]")).containsExactly("notes.read");

		admin().delete("/admin/api/users/{id}/consents/{client}", userId, partner.clientId()).then().statusCode(204);

		admin().get("/admin/api/users/{id}/consents", userId).then().body("size()", equalTo(0));
		refresh(partner, tokens.getString("refresh_token")).then().statusCode(400).body("error",
				equalTo("invalid_grant"));
		introspect(partner, tokens.getString("access_token")).then().body("active", equalTo(false));
		admin().delete("/admin/api/users/{id}/consents/{client}", userId, partner.clientId()).then().statusCode(404);
	}

	@Test
	void revokingOneAuthorizationLeavesTheOthersWorking() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		JsonPath first = passwordGrant(cli, username, USER_PASSWORD).then().extract().jsonPath();
		JsonPath second = passwordGrant(cli, username, USER_PASSWORD).then().extract().jsonPath();
		String userId = userId(username);

		JsonPath grants = admin().get("/admin/api/users/{id}/authorizations", userId).then().statusCode(200)
			.extract().jsonPath();
		assertThat(grants.getList("client_id")).containsExactly(cli.clientId(), cli.clientId());
		assertThat(grants.getList("grant_type")).containsOnly("password");
		assertThat(grants.getList("scopes[0]")).containsExactly("notes.read");
		String firstId = grants.getList("id", String.class).get(1); // newest first

		admin().delete("/admin/api/users/{id}/authorizations/{grant}", userId, firstId).then().statusCode(204);

		refresh(cli, first.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
		refresh(cli, second.getString("refresh_token")).then().statusCode(200);
		admin().get("/admin/api/users/{id}/authorizations", userId).then().body("size()", equalTo(1));
		admin().delete("/admin/api/users/{id}/authorizations/{grant}", userId, firstId).then().statusCode(404);
	}

	@Test
	void aClientsGrantsAreListedWithTheirUsersAndRevocable() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		JsonPath tokens = passwordGrant(cli, username, USER_PASSWORD).then().extract().jsonPath();

		JsonPath grants = admin().get("/admin/api/clients/{id}/authorizations", cli.clientId())
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		assertThat(grants.getList("username")).containsExactly(username);
		assertThat(grants.getList("user_id")).containsExactly(userId(username));

		admin().delete("/admin/api/clients/{id}/authorizations/{grant}", cli.clientId(), grants.getString("id[0]"))
			.then()
			.statusCode(204);
		refresh(cli, tokens.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
		admin().get("/admin/api/clients/{id}/authorizations", cli.clientId()).then().body("size()", equalTo(0));
		admin().get("/admin/api/clients/{id}/authorizations", "no-such-client").then().statusCode(404);
	}

	@Test
	void theListsNeverShowATokenValue() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		JsonPath tokens = passwordGrant(cli, username, USER_PASSWORD).then().extract().jsonPath();
		String body = admin().get("/admin/api/users/{id}/authorizations", userId(username)).asString();
		assertThat(body).doesNotContain(tokens.getString("access_token"), tokens.getString("refresh_token"));
	}

	private JsonPath consentAndExchange(RegisteredCredentials client, String username) {
		return CodeFlow.tokensAfterConsent(new BrowserFlow(baseUrl()), client, REDIRECT, username, USER_PASSWORD,
				"notes.read");
	}

	private static String userId(String username) {
		return admin().get("/admin/api/users?q={u}", username).then().extract().path("items[0].id");
	}

}

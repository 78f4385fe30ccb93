package dev.oauthplatform.auth.token;

import java.util.Set;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * RFC 7662 §2.1 and §4: who may introspect, and what each learns. Introspection is for confidential
 * clients; a client sees its own tokens, and only a resource server (an API's own client, marked by
 * an admin) sees other clients' tokens. Everyone else is told {@code active: false}.
 */
class IntrospectionAccessTest extends HttpTest {

	@Test
	void aPublicClientCannotIntrospectEvenWhenItAddsAGrantType() {
		String token = userAccessToken(publicCli());

		given().formParam("client_id", "admin-cli")
			.formParam("grant_type", "password")
			.formParam("token", token)
			.post("/oauth2/introspect")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_client"))
			.body("sub", nullValue());
	}

	@Test
	void aPublicClientCannotIntrospectItsOwnTokensEither() {
		RegisteredCredentials cli = publicCli();
		String token = userAccessToken(cli);

		for (String grant : new String[] { "refresh_token", "authorization_code" }) {
			given().formParam("client_id", cli.clientId())
				.formParam("grant_type", grant)
				.formParam("code", "x")
				.formParam("code_verifier", Pkce.create().verifier())
				.formParam("token", token)
				.post("/oauth2/introspect")
				.then()
				.statusCode(401)
				.body("error", equalTo("invalid_client"));
		}
	}

	@Test
	void aClientIntrospectsTheTokensIssuedToItself() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);

		introspect(m2m, clientCredentials(m2m)).then()
			.statusCode(200)
			.body("active", equalTo(true))
			.body("client_id", equalTo(m2m.clientId()));
	}

	@Test
	void anotherClientsTokenIsInactiveForAClientThatIsNotAResourceServer() {
		String userToken = userAccessToken(publicCli());
		RegisteredCredentials otherM2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		String machineToken = clientCredentials(otherM2m);
		RegisteredCredentials curious = register(ClientType.M2M, Set.of(), Set.of(), true);

		for (String token : new String[] { userToken, machineToken }) {
			introspect(curious, token).then()
				.statusCode(200)
				.body("$", aMapWithSize(1))
				.body("active", equalTo(false));
		}
	}

	@Test
	void aResourceServerIntrospectsTokensIssuedToAnyClient() {
		RegisteredCredentials cli = publicCli();
		String username = newUser();
		String token = passwordGrant(cli, username, USER_PASSWORD).then().statusCode(200).extract().path("access_token");

		introspect(registerResourceServer(), token).then()
			.statusCode(200)
			.body("active", equalTo(true))
			.body("client_id", equalTo(cli.clientId()))
			.body("preferred_username", equalTo(username))
			.body("scope", equalTo("notes.read"));
	}

	@Test
	void aPublicClientStillRevokesItsTokensWithItsClientIdAlone() {
		RegisteredCredentials cli = publicCli();
		JsonPath tokens = passwordGrant(cli, newUser(), USER_PASSWORD).then().statusCode(200).extract().jsonPath();

		given().formParam("client_id", cli.clientId())
			.formParam("token", tokens.getString("refresh_token"))
			.post("/oauth2/revoke")
			.then()
			.statusCode(200);

		refresh(cli, tokens.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
		introspect(registerResourceServer(), tokens.getString("access_token")).then().body("active", equalTo(false));
	}

	private RegisteredCredentials publicCli() {
		return register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
	}

	private String userAccessToken(RegisteredCredentials client) {
		return passwordGrant(client, newUser(), USER_PASSWORD).then().statusCode(200).extract().path("access_token");
	}

}

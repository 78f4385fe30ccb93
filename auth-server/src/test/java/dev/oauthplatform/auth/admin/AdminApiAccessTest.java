package dev.oauthplatform.auth.admin;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Only a live admin token opens the admin API; every refusal is RFC 6750. */
class AdminApiAccessTest extends HttpTest {

	@Test
	void withoutATokenTheAnswerIs401WithABearerChallengeThatPointsAtWorkingMetadata() {
		String challenge = given().get("/admin/api/clients").then().statusCode(401).extract().header("WWW-Authenticate");
		assertThat(challenge).startsWith("Bearer resource_metadata=\"");
		String metadataUrl = challenge.substring(challenge.indexOf('"') + 1, challenge.lastIndexOf('"'));
		given().get(metadataUrl)
			.then()
			.statusCode(200)
			.body("resource", notNullValue())
			.body("bearer_methods_supported", hasItem("header"));
	}

	@Test
	void aForgedTokenIs401InvalidToken() {
		given().auth()
			.oauth2("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl")
			.get("/admin/api/clients")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", containsString("error=\"invalid_token\""));
	}

	@Test
	void aUserWithoutTheAdminRoleIs403EvenWithTheAdminScope() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("admin"), true);
		String token = accessToken(cli, newUser());
		given().auth()
			.oauth2(token)
			.get("/admin/api/clients")
			.then()
			.statusCode(403)
			.header("WWW-Authenticate", containsString("error=\"insufficient_scope\""));
	}

	@Test
	void anAdminsTokenWithoutTheAdminScopeIs403() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String token = passwordGrant(cli, ADMIN_USERNAME, ADMIN_PASSWORD).then().extract().path("access_token");
		given().auth()
			.oauth2(token)
			.get("/admin/api/clients")
			.then()
			.statusCode(403)
			.header("WWW-Authenticate", containsString("error=\"insufficient_scope\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "notes.read" })
	void aValidMachineTokenIs403InsufficientScopeBecauseNoAdminStandsBehindIt(String scope) {
		// RFC 6750 §3.1: the token is valid (not 401 invalid_token); it lacks the privileges
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of(scope), true);
		given().auth()
			.oauth2(clientCredentials(m2m))
			.get("/admin/api/clients")
			.then()
			.statusCode(403)
			.header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
			.body("error", equalTo("insufficient_scope"));
	}

	@Test
	void aRevokedAdminTokenIsRefusedAtOnce() {
		String token = adminToken();
		given().auth().oauth2(token).get("/admin/api/clients").then().statusCode(200);
		given().formParam("client_id", "admin-cli")
			.formParam("token", token)
			.post("/oauth2/revoke")
			.then()
			.statusCode(200);
		given().auth().oauth2(token).get("/admin/api/clients").then().statusCode(401);
	}

	@Test
	void anAdminWhoLosesTheRoleLosesAccessAtOnce() {
		String username = "second-admin-" + java.util.UUID.randomUUID();
		String id = this.accounts.create(username, USER_PASSWORD, null, Set.of("ADMIN")).getId();
		RegisteredCredentials cli = new RegisteredCredentials("admin-cli", null);
		String token = accessToken(cli, username);
		given().auth().oauth2(token).get("/admin/api/users/{id}", id).then().statusCode(200);

		admin().body("{\"roles\": [\"USER\"]}").patch("/admin/api/users/{id}", id).then().statusCode(200);

		given().auth().oauth2(token).get("/admin/api/users/{id}", id).then().statusCode(403);
	}

	@Test
	void everyRefusalCarriesTheErrorAsJsonToo() {
		given().get("/admin/api/clients")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_request"))
			.body("error_description", containsString("bearer token"));
		given().auth().oauth2("not-a-jwt").get("/admin/api/clients").then().statusCode(401)
			.body("error", equalTo("invalid_token"));
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("admin"), true);
		given().auth().oauth2(accessToken(cli, newUser())).get("/admin/api/clients").then().statusCode(403)
			.body("error", equalTo("insufficient_scope"));
	}

	@Test
	void anUnknownPathOrMethodIsAnsweredInTheSameShape() {
		admin().get("/admin/api/nope").then().statusCode(404).body("error", equalTo("not_found"));
		admin().delete("/admin/api/keys")
			.then()
			.statusCode(405)
			.header("Allow", containsString("GET"))
			.body("error", equalTo("invalid_request"));
	}

	@Test
	void theOpenApiDocumentIsPublic() {
		given().get("/admin/api/openapi.yaml")
			.then()
			.statusCode(200)
			.body(containsString("openapi: 3.1"));
	}

	private static String accessToken(RegisteredCredentials cli, String username) {
		return passwordGrant(cli, username, USER_PASSWORD).then().statusCode(200).extract().path("access_token");
	}

}

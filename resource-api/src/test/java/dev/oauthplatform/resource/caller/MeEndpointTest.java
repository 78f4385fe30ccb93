package dev.oauthplatform.resource.caller;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.resource.support.ApiTest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

class MeEndpointTest extends ApiTest {

	@Test
	void userTokenShowsSubjectClientScopesAndUsername() {
		String token = issuer.token().subject("6f1c3d2e-user").clientId("shop-web").username("alice")
			.scope("notes.write openid notes.read").sign();
		bearing(token).get("/api/me")
			.then()
			.statusCode(200)
			.contentType("application/json")
			.body("sub", equalTo("6f1c3d2e-user"))
			.body("client_id", equalTo("shop-web"))
			.body("scopes", contains("notes.read", "notes.write", "openid"))
			.body("username", equalTo("alice"));
	}

	@Test
	void clientCredentialsTokenShowsNoUsername() {
		bearing(issuer.token().clientCredentials("demo-m2m").scope("notes.read").sign()).get("/api/me")
			.then()
			.statusCode(200)
			.body("sub", equalTo("demo-m2m"))
			.body("client_id", equalTo("demo-m2m"))
			.body("scopes", contains("notes.read"))
			.body("username", nullValue());
	}

	@Test
	void tokenWithoutScopesStillReadsMe() {
		bearing(issuer.token().scope("").sign()).get("/api/me").then().statusCode(200).body("scopes.size()", equalTo(0));
	}

}

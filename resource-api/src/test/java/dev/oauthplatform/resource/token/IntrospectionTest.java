package dev.oauthplatform.resource.token;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.resource.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Opaque reference tokens, checked by RFC 7662 introspection at the issuer. */
class IntrospectionTest extends ApiTest {

	@Test
	void opaqueTokenIsAcceptedThroughIntrospection() {
		String token = issuer.token().subject("user-opaque-1").username("bob").scope("notes.read").opaque();
		bearing(token).get("/api/me")
			.then()
			.statusCode(200)
			.body("sub", equalTo("user-opaque-1"))
			.body("client_id", equalTo("test-client"))
			.body("scopes", contains("notes.read"))
			.body("username", equalTo("bob"));
	}

	@Test
	void opaqueClientCredentialsTokenHasNoUsername() {
		String token = issuer.token().clientCredentials("m2m-opaque").scope("notes.read").opaque();
		bearing(token).get("/api/me").then().statusCode(200).body("sub", equalTo("m2m-opaque")).body("username", nullValue());
		bearing(token).get("/api/notes").then().statusCode(403).body("error", equalTo("access_denied"));
	}

	@Test
	void inactiveOpaqueTokenIsInvalid() {
		bearing("unknown0123456789abcdefghijklmnopqrstuvwxyz").get("/api/me")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", containsString("error=\"invalid_token\""))
			.body("error", equalTo("invalid_token"));
	}

	@Test
	void anInactiveAnswerIsNotCached() {
		int before = issuer.introspectionRequests();
		bearing("inactive0123456789abcdefghijklmnopqrstuvwxyz").get("/api/me").then().statusCode(401);
		bearing("inactive0123456789abcdefghijklmnopqrstuvwxyz").get("/api/me").then().statusCode(401);
		assertThat(issuer.introspectionRequests()).isEqualTo(before + 2);
	}

	@Test
	void anActiveAnswerIsReusedForAWhile() {
		String token = issuer.token().opaque();
		int before = issuer.introspectionRequests();
		bearing(token).get("/api/me").then().statusCode(200);
		bearing(token).get("/api/notes").then().statusCode(200);
		assertThat(issuer.introspectionRequests()).isEqualTo(before + 1);
	}

	@Test
	void opaqueTokenForAnotherAudienceIsInvalid() {
		String token = issuer.token().audience("http://localhost:9999").opaque();
		bearing(token).get("/api/me")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_token"))
			.body("error_description", containsString("aud"));
		// the cached answer does not let it in the second time either
		bearing(token).get("/api/me").then().statusCode(401);
	}

}

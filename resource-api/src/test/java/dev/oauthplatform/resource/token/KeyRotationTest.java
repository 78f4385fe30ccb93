package dev.oauthplatform.resource.token;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.resource.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationTest extends ApiTest {

	@Test
	void aNewSigningKeyIsFetchedOnItsFirstTokenWhileTokensOfTheOldKeyStillWork() {
		String beforeRotation = issuer.token().sign();
		bearing(beforeRotation).get("/api/me").then().statusCode(200);
		int fetchesBefore = issuer.jwksRequests();

		issuer.rotate();
		String afterRotation = issuer.token().sign();

		bearing(afterRotation).get("/api/me").then().statusCode(200);
		assertThat(issuer.jwksRequests()).as("the unknown kid refetched the JWKS").isEqualTo(fetchesBefore + 1);
		bearing(beforeRotation).get("/api/me").then().statusCode(200);
		bearing(afterRotation).get("/api/me").then().statusCode(200);
		assertThat(issuer.jwksRequests()).as("known keys come from the cache").isEqualTo(fetchesBefore + 1);
	}

}

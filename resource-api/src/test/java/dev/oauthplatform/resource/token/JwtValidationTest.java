package dev.oauthplatform.resource.token;

import java.time.Instant;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.resource.support.ApiTest;
import dev.oauthplatform.resource.support.TestIssuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** RFC 6750 at the door: which JWTs get in, and how the others are told. */
class JwtValidationTest extends ApiTest {

	@Test
	void validTokenReadsMe() {
		bearing(issuer.token().sign()).get("/api/me").then().statusCode(200);
	}

	@Test
	void missingTokenIs401WithABareChallengeAndAJsonBody() {
		given().get("/api/me")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", containsString("Bearer"))
			.header("WWW-Authenticate", not(containsString("error=")))
			.contentType("application/json")
			.body("error", equalTo("unauthorized"))
			.body("error_description", notNullValue());
	}

	@Test
	void expiredTokenIsInvalid() {
		invalidToken(issuer.token().expiresAt(Instant.now().minusSeconds(120)).sign())
			.body("error_description", containsString("expired"));
	}

	@Test
	void tokenNotYetValidBeyondTheSkewIsInvalid() {
		invalidToken(issuer.token().notBefore(Instant.now().plusSeconds(120)).sign());
	}

	@Test
	void aFewSecondsOfClockSkewAreTolerated() {
		bearing(issuer.token().expiresAt(Instant.now().minusSeconds(10)).sign()).get("/api/me").then().statusCode(200);
		bearing(issuer.token().notBefore(Instant.now().plusSeconds(10)).sign()).get("/api/me").then().statusCode(200);
	}

	@Test
	void garbledTokenIsInvalid() {
		invalidToken("eyJhbGciOiJFUzI1NiJ9.not-base64-json.c2lnbmF0dXJl");
		String valid = issuer.token().sign();
		invalidToken(valid.substring(0, valid.length() - 4) + "AAAA");
	}

	@Test
	void tokenWithCharactersNoBearerTokenHasIsInvalid() {
		invalidToken("not a token!");
	}

	@Test
	void unsignedTokenIsInvalid() {
		invalidToken(issuer.token().unsigned());
	}

	@Test
	void hs256SignedWithThePublicKeyAsSecretIsInvalid() throws Exception {
		byte[] publicKey = issuer.currentKey().toECPublicKey().getEncoded();
		invalidToken(issuer.token().signHs256(publicKey));
		invalidToken(issuer.token().signHs256(issuer.currentKey().toPublicJWK().toJSONString().getBytes()));
	}

	@Test
	void tokenSignedByAnotherKeyUnderTheIssuersKidIsInvalid() throws Exception {
		com.nimbusds.jose.jwk.ECKey foreign = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(
				com.nimbusds.jose.jwk.Curve.P_256)
			.keyID(issuer.currentKeyId())
			.generate();
		invalidToken(issuer.token().signWith(foreign));
	}

	@Test
	void aJwtNotTypedAsAnAccessTokenIsInvalid() {
		// an ID token is a JWT signed by the same issuer, typed JWT or untyped: never an access token
		invalidToken(issuer.token().signTyped(com.nimbusds.jose.JOSEObjectType.JWT));
		invalidToken(issuer.token().signTyped(null));
	}

	@Test
	void tokenFromAnotherIssuerIsInvalid() {
		invalidToken(issuer.token().issuer("http://evil.example").sign());
	}

	@Test
	void tokenForAnotherAudienceIsInvalid() {
		invalidToken(issuer.token().audience("http://localhost:9999").sign());
	}

	@Test
	void tokenListingThisApiAmongOtherAudiencesIsAccepted() {
		bearing(issuer.token().audience("http://other.example", TestIssuer.AUDIENCE).sign()).get("/api/me")
			.then()
			.statusCode(200);
	}

	@Test
	void healthNeedsNoToken() {
		management().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void protectedResourceMetadataNamesTheIssuerAndScopes() {
		given().get("/.well-known/oauth-protected-resource")
			.then()
			.statusCode(200)
			.body("resource", equalTo(TestIssuer.AUDIENCE))
			.body("authorization_servers", contains(issuer.url()))
			.body("scopes_supported", contains("notes.read", "notes.write"));
	}

	@Test
	void theApiSetsNoCookie() {
		bearing(issuer.token().sign()).get("/api/notes").then().statusCode(200).header("Set-Cookie", nullValue());
		given().get("/api/notes").then().statusCode(401).header("Set-Cookie", nullValue());
	}

	private static ValidatableResponse invalidToken(String token) {
		return bearing(token).get("/api/me")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", containsString("Bearer error=\"invalid_token\""))
			.contentType("application/json")
			.body("error", equalTo("invalid_token"))
			.body("error_description", notNullValue())
			.body("trace", nullValue());
	}

}

package dev.oauthplatform.resource.token;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.oauthplatform.resource.support.TestIssuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A forged token naming a key the issuer does not publish is 401 invalid_token every time, also
 * while the key set may not be fetched again yet (the rate limit): the issuer answered, it is not
 * down. An issuer of its own, so the refetches spent here do not delay other tests' rotations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnknownKeyTest {

	static final TestIssuer issuer = TestIssuer.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void trustAnIssuerOfItsOwn(DynamicPropertyRegistry registry) {
		registry.add("resource.issuer", issuer::url);
	}

	@BeforeEach
	void pointRestAssuredAtTheApi() {
		RestAssured.port = this.port;
	}

	@Test
	void aTokenUnderAKidTheIssuerDoesNotPublishIsInvalidEveryTimeItComes() throws Exception {
		given().header("Authorization", "Bearer " + issuer.token().sign()).get("/api/me").then().statusCode(200);
		for (int i = 0; i < 3; i++) {
			ECKey forged = new ECKeyGenerator(Curve.P_256).keyID("forged-" + i).generate();
			given().header("Authorization", "Bearer " + issuer.token().signWith(forged))
				.get("/api/me")
				.then()
				.statusCode(401)
				.header("WWW-Authenticate", containsString("error=\"invalid_token\""))
				.body("error", equalTo("invalid_token"));
		}
	}

}

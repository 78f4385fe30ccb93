package dev.oauthplatform.resource.token;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.oauthplatform.resource.support.TestIssuer;

import static io.restassured.RestAssured.given;

/** Keys already fetched keep verifying while auth-server is away, even past the cache's lifetime. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "resource.jwks.cache-ttl=1s", "resource.jwks.refresh-min-interval=100ms" })
class IssuerOutageTest {

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
	void cachedKeysStillVerifyWhileTheIssuerIsDown() throws InterruptedException {
		String token = issuer.token().sign();
		given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);

		issuer.stop();
		Thread.sleep(1500);

		given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
		given().header("Authorization", "Bearer " + issuer.token().sign()).get("/api/me").then().statusCode(200);
	}

}

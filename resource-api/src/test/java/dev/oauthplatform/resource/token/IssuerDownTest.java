package dev.oauthplatform.resource.token;

import java.io.IOException;
import java.net.ServerSocket;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.oauthplatform.resource.support.TestIssuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The API starts without auth-server, and says "unavailable", not "500", while it is away. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuerDownTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void trustAnIssuerThatIsDown(DynamicPropertyRegistry registry) {
		registry.add("resource.issuer", () -> "http://127.0.0.1:" + unusedPort());
		registry.add("resource.introspection.client-id", () -> "");
		registry.add("resource.introspection.client-secret", () -> "");
	}

	@BeforeEach
	void pointRestAssuredAtTheApi() {
		RestAssured.port = this.port;
	}

	@Test
	void startsAndIsHealthyWithoutTheIssuer() {
		given().port(this.managementPort).get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
	}

	@Test
	void jwtWhileTheIssuerIsDownIs503() {
		given().header("Authorization", "Bearer " + TestIssuer.shared().token().sign())
			.get("/api/me")
			.then()
			.statusCode(503)
			.contentType("application/json")
			.body("error", equalTo("temporarily_unavailable"));
	}

	@Test
	void withoutIntrospectionCredentialsOpaqueTokensAreInvalid() {
		given().header("Authorization", "Bearer " + TestIssuer.shared().token().opaque())
			.get("/api/me")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", containsString("error=\"invalid_token\""))
			.body("error", equalTo("invalid_token"));
	}

	private static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

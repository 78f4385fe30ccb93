package dev.oauthplatform.resource.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;

/** The real API on a random port, trusting the {@link TestIssuer}, spoken to over HTTP only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

	protected static final TestIssuer issuer = TestIssuer.shared();

	@LocalServerPort
	protected int port;

	/** Health, probes and metrics answer on this port only. */
	@LocalManagementPort
	protected int managementPort;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("resource.issuer", issuer::url);
		registry.add("resource.audience", () -> TestIssuer.AUDIENCE);
	}

	@BeforeEach
	void pointRestAssuredAtTheApi() {
		RestAssured.port = this.port;
		RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
	}

	/** A request to the management port. */
	protected RequestSpecification management() {
		return given().baseUri("http://localhost").port(this.managementPort);
	}

	/** A request bearing the given access token. */
	protected static RequestSpecification bearing(String token) {
		return given().header("Authorization", "Bearer " + token);
	}

}

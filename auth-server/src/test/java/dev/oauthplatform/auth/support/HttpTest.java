package dev.oauthplatform.auth.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.user.UserAccounts;

import static io.restassured.RestAssured.given;

/** The real server on a random port, spoken to over HTTP only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTest {

	/** Apache HttpClient 4's parameter (ConnRoutePNames.LOCAL_ADDRESS) for the address its sockets bind to. */
	private static final String LOCAL_ADDRESS = "http.route.local-address";

	protected static final String USER_PASSWORD = "correct horse battery staple";

	/** application-test.yml's bootstrap admin. */
	protected static final String ADMIN_USERNAME = "admin";

	protected static final String ADMIN_PASSWORD = "admin";

	@LocalServerPort
	protected int port;

	/** Health, readiness and metrics answer on this port only. */
	@LocalManagementPort
	protected int managementPort;

	@Autowired
	protected ClientRegistrar registrar;

	@Autowired
	protected UserAccounts accounts;

	@BeforeEach
	void pointRestAssuredAtTheServer() {
		RestAssured.port = this.port;
		if (!RestAssured.filters().contains(SecretsSeen.FILTER)) {
			RestAssured.filters(SecretsSeen.FILTER);
		}
		RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** A request to the management port: health, readiness, liveness, metrics. */
	protected RequestSpecification management() {
		return given().baseUri("http://localhost").port(this.managementPort);
	}

	/** A fresh user, so that tests never share state. */
	protected String newUser() {
		String username = "user-" + UUID.randomUUID();
		SecretsSeen.add(USER_PASSWORD);
		this.accounts.create(username, USER_PASSWORD, username + "@example.test", Set.of("USER"));
		return username;
	}

	protected RegisteredCredentials register(NewClient client) {
		RegisteredCredentials credentials = this.registrar.register(client);
		SecretsSeen.add(credentials.clientSecret());
		return credentials;
	}

	protected RegisteredCredentials register(ClientType type, Set<String> redirectUris, Set<String> scopes,
			boolean firstParty) {
		return register(NewClient.of(null, type.value() + " test client", type, redirectUris, scopes, firstParty));
	}

	/** An API's own client: it may introspect tokens issued to any client (RFC 7662 §4). */
	protected RegisteredCredentials registerResourceServer() {
		return register(NewClient.of(null, "resource server", ClientType.M2M, Set.of(), Set.of(), true)
			.asResourceServer());
	}

	public static RequestSpecification tokenRequest(RegisteredCredentials client) {
		RequestSpecification request = given().contentType("application/x-www-form-urlencoded");
		return (client.clientSecret() != null) ? request.auth().preemptive().basic(client.clientId(), client.clientSecret())
				: request.formParam("client_id", client.clientId());
	}

	protected static Response passwordGrant(RegisteredCredentials client, String username, String password) {
		return tokenRequest(client).formParam("grant_type", "password")
			.formParam("username", username)
			.formParam("password", password)
			.post("/oauth2/token");
	}

	protected static Response refresh(RegisteredCredentials client, String refreshToken) {
		return tokenRequest(client).formParam("grant_type", "refresh_token")
			.formParam("refresh_token", refreshToken)
			.post("/oauth2/token");
	}

	protected static String clientCredentials(RegisteredCredentials client) {
		return tokenRequest(client).formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
	}

	/**
	 * A private (10/8) address, unlikely to be any other test's: failed sign-ins count per address,
	 * and the test profile trusts X-Forwarded-For from 127.0.0.1 (where REST Assured connects from).
	 */
	protected static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	protected static RequestSpecification from(String address) {
		return given().header("X-Forwarded-For", address);
	}

	/** A loopback address other than 127.0.0.1, unlikely to be any other test's. */
	protected static String randomLoopbackAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "127." + random.nextInt(1, 256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/**
	 * A client connecting directly from this loopback address (its socket bound to it), not through
	 * the proxy the test profile trusts: the server sees it as the request's remote address.
	 */
	protected RequestSpecification connectingFrom(String loopbackAddress) {
		try {
			InetAddress local = InetAddress.getByName(loopbackAddress);
			return given().baseUri("http://127.0.0.1")
				.port(this.port)
				.config(RestAssured.config()
					.httpClient(HttpClientConfig.httpClientConfig().setParam(LOCAL_ADDRESS, local)));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** A fresh access token for the bootstrap admin, from {@code admin-cli} on the password grant. */
	protected static String adminToken() {
		return given().formParam("client_id", "admin-cli")
			.formParam("grant_type", "password")
			.formParam("username", ADMIN_USERNAME)
			.formParam("password", ADMIN_PASSWORD)
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
	}

	/** A request to the admin API as the bootstrap admin, with a JSON body where one is given. */
	protected static RequestSpecification admin() {
		return given().auth().oauth2(adminToken()).contentType("application/json");
	}

	protected static Response introspect(RegisteredCredentials client, String token) {
		return given().auth().preemptive().basic(client.clientId(), client.clientSecret())
			.formParam("token", token)
			.post("/oauth2/introspect");
	}

}

package dev.oauthplatform.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.DeviceFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;
import dev.oauthplatform.auth.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery says exactly what works: every metadata field is one this test knows, and every
 * grant, client authentication method, signing algorithm and endpoint it advertises is used here
 * and works. A framework upgrade that starts advertising something new (as DPoP was) fails here.
 */
class DiscoveryTest extends HttpTest {

	private static final String REDIRECT = "https://app.example.test/callback";

	/** Every field we publish, each backed by an assertion below or by what it describes. */
	private static final Set<String> KNOWN = Set.of("issuer", "authorization_endpoint", "token_endpoint",
			"jwks_uri", "userinfo_endpoint", "device_authorization_endpoint", "end_session_endpoint", "introspection_endpoint",
			"revocation_endpoint", "grant_types_supported", "response_types_supported",
			"code_challenge_methods_supported", "token_endpoint_auth_methods_supported",
			"revocation_endpoint_auth_methods_supported", "introspection_endpoint_auth_methods_supported",
			"authorization_response_iss_parameter_supported", "scopes_supported", "subject_types_supported",
			"id_token_signing_alg_values_supported", "registration_endpoint");

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
	void everyAdvertisedFieldIsOneWeBackAndDpopIsNotAmongThem(String path) {
		Map<String, Object> metadata = given().get(path).then().statusCode(200).extract().jsonPath().getMap("$");

		assertThat(metadata).doesNotContainKey("dpop_signing_alg_values_supported");
		assertThat(new TreeSet<>(metadata.keySet())).isSubsetOf(KNOWN);
		assertThat(metadata).doesNotContainKey("registration_endpoint");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
	void everyAdvertisedGrantWorks(String path) {
		JsonPath metadata = given().get(path).jsonPath();
		Map<String, Supplier<Response>> grants = Map.of("authorization_code", this::codeGrant, "refresh_token",
				this::refreshGrant, "client_credentials", this::clientCredentialsGrant, "password", this::passwordGrant,
				DeviceFlow.GRANT, this::deviceGrant);

		for (String grant : metadata.getList("grant_types_supported", String.class)) {
			assertThat(grants).as("advertised grant %s has no test", grant).containsKey(grant);
			grants.get(grant).get().then().statusCode(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
	void everyAdvertisedClientAuthenticationMethodWorksAtTheTokenEndpoint(String path) {
		JsonPath metadata = given().get(path).jsonPath();
		Map<String, Supplier<Response>> methods = Map.of("client_secret_basic", () -> clientCredentials("basic"),
				"client_secret_post", () -> clientCredentials("post"), "none", this::passwordGrant);

		for (String method : metadata.getList("token_endpoint_auth_methods_supported", String.class)) {
			assertThat(methods).as("advertised method %s has no test", method).containsKey(method);
			methods.get(method).get().then().statusCode(200);
		}
		for (String field : List.of("revocation_endpoint_auth_methods_supported",
				"introspection_endpoint_auth_methods_supported")) {
			assertThat(metadata.getList(field, String.class)).isSubsetOf("client_secret_basic", "client_secret_post");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
	void everyAdvertisedEndpointAnswers(String path) {
		JsonPath metadata = given().get(path).jsonPath();

		assertThat(given().get(local(metadata.getString("jwks_uri"))).statusCode()).isEqualTo(200);
		for (String endpoint : List.of("token_endpoint", "introspection_endpoint", "revocation_endpoint",
				"device_authorization_endpoint")) {
			// no client authentication: the endpoint exists and says so in OAuth terms
			given().contentType("application/x-www-form-urlencoded")
				.formParam("token", "x")
				.post(local(metadata.getString(endpoint)))
				.then()
				.statusCode(401);
		}
		assertThat(given().redirects().follow(false).get(local(metadata.getString("authorization_endpoint")))
			.statusCode()).isIn(302, 400);
		if (metadata.getString("userinfo_endpoint") != null) {
			given().get(local(metadata.getString("userinfo_endpoint"))).then().statusCode(401);
		}
		if (metadata.getString("end_session_endpoint") != null) {
			assertThat(given().redirects().follow(false).get(local(metadata.getString("end_session_endpoint")))
				.statusCode()).isIn(200, 302, 400);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/openid-configuration" })
	void theAdvertisedIdTokenAlgorithmIsTheOneUsed(String path) {
		JsonPath metadata = given().get(path).jsonPath();
		RegisteredCredentials client = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true);
		String idToken = codeGrant(client).then().statusCode(200).extract().path("id_token");

		assertThat(metadata.getList("id_token_signing_alg_values_supported", String.class))
			.contains((String) Jwts.header(idToken).get("alg"));
		assertThat(metadata.getList("code_challenge_methods_supported", String.class)).containsExactly("S256");
		assertThat(metadata.getList("response_types_supported", String.class)).containsExactly("code");
	}

	private Response codeGrant() {
		return codeGrant(register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true));
	}

	private Response codeGrant(RegisteredCredentials client) {
		Pkce pkce = Pkce.create();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response redirect = browser.signIn(browser.authorize(CodeFlow.request(client, REDIRECT, pkce, "openid")),
				newUser(), USER_PASSWORD);
		String code = BrowserFlow.redirectParameters(redirect).get("code");
		return CodeFlow.exchange(client, code, REDIRECT, pkce.verifier());
	}

	private Response refreshGrant() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String refreshToken = HttpTest.passwordGrant(cli, newUser(), USER_PASSWORD).path("refresh_token");
		return refresh(cli, refreshToken);
	}

	private Response deviceGrant() {
		RegisteredCredentials cli = register(NewClient.of(null, "TV app", ClientType.CLI, Set.of(),
				Set.of("notes.read"), true).withGrantTypes(Set.of(DeviceFlow.GRANT)));
		return DeviceFlow.approvedTokens(baseUrl(), cli, newUser(), USER_PASSWORD);
	}

	private Response passwordGrant() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		return HttpTest.passwordGrant(cli, newUser(), USER_PASSWORD);
	}

	private Response clientCredentialsGrant() {
		return clientCredentials("basic");
	}

	private Response clientCredentials(String how) {
		NewClient m2m = NewClient.of(null, "m2m", ClientType.M2M, Set.of(), Set.of("notes.read"), true)
			.withAuthMethod("post".equals(how) ? "client_secret_post" : "client_secret_basic");
		RegisteredCredentials client = register(m2m);
		var request = given().contentType("application/x-www-form-urlencoded").formParam("grant_type",
				"client_credentials");
		request = "post".equals(how) ? request.formParam("client_id", client.clientId())
			.formParam("client_secret", client.clientSecret())
				: request.auth().preemptive().basic(client.clientId(), client.clientSecret());
		return request.post("/oauth2/token");
	}

	/** The issuer is http://localhost:9000; the test server listens elsewhere. */
	private String local(String url) {
		return url.replace("http://localhost:9000", baseUrl());
	}

}

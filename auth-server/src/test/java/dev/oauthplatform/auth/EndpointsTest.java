package dev.oauthplatform.auth;

import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;
import dev.oauthplatform.auth.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

class EndpointsTest extends HttpTest {

	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/",
			"/.well-known/openid-configuration", "/.well-known/openid-configuration/" })
	void discoveryListsExactlyWhatIsSupportedThePasswordAndDeviceGrantsIncluded(String path) {
		given().get(path)
			.then()
			.statusCode(200)
			.body("issuer", equalTo("http://localhost:9000"))
			.body("grant_types_supported",
					containsInAnyOrder("authorization_code", "refresh_token", "client_credentials", "password",
							"urn:ietf:params:oauth:grant-type:device_code"))
			.body("response_types_supported", contains("code"))
			.body("code_challenge_methods_supported", contains("S256"))
			.body("token_endpoint_auth_methods_supported",
					containsInAnyOrder("client_secret_basic", "client_secret_post", "none"))
			.body("authorization_response_iss_parameter_supported", equalTo(true))
			.body("device_authorization_endpoint", equalTo("http://localhost:9000/oauth2/device_authorization"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/jwks", "/oauth2/jwks/" })
	void theJwksPublishesPublicKeysOnly(String path) {
		given().get(path)
			.then()
			.statusCode(200)
			.body("keys.alg", hasItem("ES256"))
			.body("keys.alg", hasItem("RS256"))
			.body("keys.d", contains(null, null));
	}

	@Test
	void aTokensKidIsInTheJwks() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		String token = clientCredentials(m2m);

		given().get("/oauth2/jwks").then().body("keys.kid", hasItem(Jwts.header(token).get("kid")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/introspect", "/oauth2/introspect/" })
	void introspectionDescribesAnActiveToken(String path) {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		String token = clientCredentials(m2m);

		given().auth().preemptive().basic(m2m.clientId(), m2m.clientSecret())
			.formParam("token", token)
			.post(path)
			.then()
			.statusCode(200)
			.body("active", equalTo(true))
			.body("client_id", equalTo(m2m.clientId()))
			.body("scope", equalTo("notes.read"))
			.body("token_type", equalTo("Bearer"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/oauth2/revoke", "/oauth2/revoke/" })
	void aRevokedTokenIntrospectsAsInactive(String path) {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		String token = clientCredentials(m2m);

		given().auth().preemptive().basic(m2m.clientId(), m2m.clientSecret())
			.formParam("token", token)
			.post(path)
			.then()
			.statusCode(200);

		introspect(m2m, token).then().body("active", equalTo(false));
	}

	@Test
	void introspectionWithoutClientAuthenticationIsInvalidClient() {
		given().formParam("token", "anything")
			.post("/oauth2/introspect")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_client"));
	}

	@Test
	void aReferenceTokenIsOpaqueAndIntrospectable() {
		RegisteredCredentials m2m = register(dev.oauthplatform.auth.client.NewClient
			.of(null, "opaque", ClientType.M2M, Set.of(), Set.of("notes.read"), true)
			.withAccessTokenFormat("reference"));
		String token = clientCredentials(m2m);

		assertThat(token).doesNotContain(".");
		introspect(m2m, token).then()
			.body("active", equalTo(true))
			.body("sub", equalTo(m2m.clientId()))
			.body("scope", equalTo("notes.read"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/userinfo", "/userinfo/" })
	void userinfoAnswersWithTheUsersImmutableId(String path) {
		String redirectUri = "https://app.example.test/cb";
		RegisteredCredentials web = register(ClientType.WEB, Set.of(redirectUri), Set.of("openid", "profile"), true);
		String username = newUser();
		Pkce pkce = Pkce.create();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response redirect = browser.signIn(browser.authorize(Map.of("response_type", "code", "client_id",
				web.clientId(), "redirect_uri", redirectUri, "scope", "openid profile", "code_challenge",
				pkce.challenge(), "code_challenge_method", "S256")), username, USER_PASSWORD);
		Response tokens = tokenRequest(web).formParam("grant_type", "authorization_code")
			.formParam("code", BrowserFlow.redirectParameters(redirect).get("code"))
			.formParam("redirect_uri", redirectUri)
			.formParam("code_verifier", pkce.verifier())
			.post("/oauth2/token");
		String accessToken = tokens.path("access_token");
		Object subject = Jwts.claims(tokens.path("id_token")).get("sub");

		given().auth().oauth2(accessToken)
			.get(path)
			.then()
			.statusCode(200)
			.body("sub", equalTo(subject));
		assertThat(subject).isNotEqualTo(username);
		assertThat(Jwts.claims(accessToken)).containsEntry("sub", subject).containsEntry("preferred_username", username);
	}

}

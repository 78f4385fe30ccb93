package dev.oauthplatform.auth.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static dev.oauthplatform.auth.support.CodeFlow.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A single-page app on another origin calls the token, revocation and userinfo endpoints with
 * {@code fetch}: the origins of its registered redirect URIs (and those an admin adds) may read the
 * answers, no other origin may. Discovery and the JWKS are public to every origin. The admin API
 * and the pages never answer CORS.
 */
class CorsTest extends HttpTest {

	private static final String ACAO = "Access-Control-Allow-Origin";

	@Test
	void aPreflightFromARegisteredSpaOriginIsAllowedWithoutAnyCredentials() {
		String origin = registeredSpa().origin();

		for (String path : List.of("/oauth2/token", "/oauth2/token/", "/oauth2/revoke", "/userinfo")) {
			Response preflight = preflight(path, origin, "POST", "content-type, authorization");

			assertThat(preflight.statusCode()).as(path).isEqualTo(200);
			assertThat(preflight.header(ACAO)).as(path).isEqualTo(origin);
			assertThat(preflight.header("Access-Control-Allow-Methods")).as(path).contains("POST");
			assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).as(path)
				.contains("content-type", "authorization");
			assertThat(preflight.header("Access-Control-Max-Age")).as(path).isEqualTo("600");
			assertThat(preflight.header("Access-Control-Allow-Credentials")).as("no cookies: " + path).isNull();
			assertThat(preflight.headers().getValues("Vary")).as(path).contains("Origin");
		}
	}

	@Test
	void anUnknownOriginIsRefusedPreflightOrNot() {
		registeredSpa();
		String stranger = "https://stranger-" + UUID.randomUUID() + ".example";

		Response preflight = preflight("/oauth2/token", stranger, "POST", "content-type");
		Response post = given().header("Origin", stranger)
			.formParam("grant_type", "authorization_code")
			.formParam("client_id", "anything")
			.post("/oauth2/token");

		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.header(ACAO)).isNull();
		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(post.header(ACAO)).isNull();
	}

	@Test
	void theSpaReadsItsTokensUserinfoAndRevocationAnswersFromItsOrigin() {
		Spa spa = registeredSpa();
		String code = code(spa);

		Response tokens = given().header("Origin", spa.origin())
			.formParam("grant_type", "authorization_code")
			.formParam("client_id", spa.credentials().clientId())
			.formParam("code", code)
			.formParam("redirect_uri", spa.redirectUri())
			.formParam("code_verifier", spa.pkce().verifier())
			.post("/oauth2/token/");
		assertThat(tokens.statusCode()).isEqualTo(200);
		assertThat(tokens.header(ACAO)).isEqualTo(spa.origin());
		JsonPath json = tokens.jsonPath();

		given().header("Origin", spa.origin())
			.auth().oauth2(json.getString("access_token"))
			.get("/userinfo")
			.then()
			.statusCode(200)
			.header(ACAO, spa.origin())
			.body("sub", notNullValue());
		given().header("Origin", spa.origin())
			.formParam("client_id", spa.credentials().clientId())
			.formParam("token", json.getString("refresh_token"))
			.post("/oauth2/revoke")
			.then()
			.statusCode(200)
			.header(ACAO, spa.origin());
	}

	@Test
	void anErrorFromTheTokenEndpointIsReadableToo() {
		Spa spa = registeredSpa();

		given().header("Origin", spa.origin())
			.formParam("grant_type", "authorization_code")
			.formParam("client_id", spa.credentials().clientId())
			.formParam("code", "not-a-code")
			.formParam("redirect_uri", spa.redirectUri())
			.formParam("code_verifier", spa.pkce().verifier())
			.post("/oauth2/token")
			.then()
			.statusCode(400)
			.header(ACAO, spa.origin())
			.body("error", equalTo("invalid_grant"));
	}

	@Test
	void aWebBackendsRedirectOriginIsNotABrowserOrigin() {
		String origin = "https://backend-" + UUID.randomUUID() + ".example";
		register(ClientType.WEB, Set.of(origin + "/callback"), Set.of("notes.read"), true);

		assertThat(preflight("/oauth2/token", origin, "POST", "content-type").header(ACAO)).isNull();
	}

	@Test
	void aDisabledSpaLosesItsOrigin() {
		Spa spa = registeredSpa();
		admin().body(Map.of("enabled", false, "client_name", "SPA", "client_type", "spa", "redirect_uris", List.of(spa.redirectUri())))
			.put("/admin/api/clients/" + spa.credentials().clientId())
			.then()
			.statusCode(200);

		assertThat(preflight("/oauth2/token", spa.origin(), "POST", "content-type").statusCode()).isEqualTo(403);
	}

	@Test
	void anAdminAddsAnOriginAndRemovesItAgain() {
		String host = "partner-" + UUID.randomUUID() + ".example.com";
		String clientId = admin()
			.body(Map.of("client_name", "Partner", "client_type", "web", "redirect_uris",
					List.of("https://" + host + "/callback"), "allowed_cors_origins",
					List.of("HTTPS://" + host.toUpperCase() + ":443")))
			.post("/admin/api/clients")
			.then()
			.statusCode(201)
			.body("allowed_cors_origins", equalTo(List.of("https://" + host)))
			.extract()
			.path("client_id");
		assertThat(preflight("/oauth2/revoke", "https://" + host, "POST", "content-type").header(ACAO))
			.isEqualTo("https://" + host);

		admin().body(Map.of("client_name", "Partner", "client_type", "web", "redirect_uris", List.of("https://" + host + "/callback"),
				"allowed_cors_origins", List.of()))
			.put("/admin/api/clients/" + clientId)
			.then()
			.statusCode(200)
			.body("allowed_cors_origins", equalTo(List.of()));

		assertThat(preflight("/oauth2/revoke", "https://" + host, "POST", "content-type").statusCode())
			.as("refused at once, not after a cache expires").isEqualTo(403);
	}

	@Test
	void anOriginIsSchemeHostAndPortOnlyHttpsOrLoopback() {
		for (String origin : List.of("https://app.example.com/", "https://app.example.com/callback",
				"http://app.example.com", "https://*.example.com", "app.example.com", "https://user@app.example.com",
				"null")) {
			admin().body(Map.of("client_name", "Bad origin", "client_type", "spa", "redirect_uris",
					List.of("https://app.example.com/callback"), "allowed_cors_origins", List.of(origin)))
				.post("/admin/api/clients")
				.then()
				.statusCode(400)
				.body("error", equalTo("invalid_client_metadata"))
				.body("error_description", containsString("Allowed CORS origin"));
		}
		admin().body(Map.of("client_name", "Local dev", "client_type", "spa", "redirect_uris",
				List.of("https://app.example.com/callback"), "allowed_cors_origins", List.of("http://localhost:5173")))
			.post("/admin/api/clients")
			.then()
			.statusCode(201)
			.body("allowed_cors_origins", hasItem("http://localhost:5173"));
	}

	@Test
	void discoveryAndKeysArePublicToEveryOrigin() {
		String anyone = "https://anyone-" + UUID.randomUUID() + ".example";

		for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server",
				"/oauth2/jwks", "/oauth2/jwks/")) {
			Response document = given().header("Origin", anyone).get(path);
			assertThat(document.statusCode()).as(path).isEqualTo(200);
			assertThat(document.header(ACAO)).as(path).isEqualTo("*");
			assertThat(preflight(path, anyone, "GET", null).header(ACAO)).as(path).isEqualTo("*");
		}
	}

	@Test
	void introspectionAuthorizationTheAdminApiAndThePagesAnswerNoCors() {
		String origin = registeredSpa().origin();

		assertThat(preflight("/oauth2/introspect", origin, "POST", "content-type").header(ACAO)).isNull();
		assertThat(given().header("Origin", origin).redirects().follow(false).get("/oauth2/authorize").header(ACAO))
			.isNull();
		assertThat(preflight("/admin/api/clients", origin, "GET", "authorization").header(ACAO)).isNull();
		assertThat(given().header("Origin", origin).auth().oauth2(adminToken()).get("/admin/api/clients").header(ACAO))
			.isNull();
		assertThat(given().header("Origin", origin).get("/admin/api/openapi.yaml").header(ACAO)).isNull();
		assertThat(preflight("/login", origin, "POST", "content-type").header(ACAO)).isNull();
		assertThat(given().header("Origin", origin).get("/login").header(ACAO)).isNull();
	}

	private Spa registeredSpa() {
		String origin = "https://spa-" + UUID.randomUUID() + ".example";
		String redirectUri = origin + "/callback";
		String scope = "openid notes.read";
		RegisteredCredentials credentials = register(ClientType.SPA, Set.of(redirectUri), Set.of(scope.split(" ")),
				true);
		return new Spa(credentials, origin, redirectUri, Pkce.create());
	}

	private String code(Spa spa) {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response redirect = browser.signIn(
				browser.authorize(request(spa.credentials(), spa.redirectUri(), spa.pkce(), "openid notes.read")),
				newUser(), USER_PASSWORD);
		return BrowserFlow.redirectParameters(redirect).get("code");
	}

	private static Response preflight(String path, String origin, String method, String headers) {
		RequestSpecification request = given().header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.redirects()
			.follow(false);
		if (headers != null) {
			request.header("Access-Control-Request-Headers", headers);
		}
		return request.options(path);
	}

	private record Spa(RegisteredCredentials credentials, String origin, String redirectUri, Pkce pkce) {
	}

}

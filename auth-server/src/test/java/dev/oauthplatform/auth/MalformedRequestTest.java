package dev.oauthplatform.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.web.util.UriComponentsBuilder;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests to the token, authorization, introspection and revocation endpoints. Each one
 * must get an RFC 6749 (or RFC 7009 / RFC 7662) answer: a JSON error from the back-channel endpoints,
 * an error page or an error redirect to the registered redirect URI from the authorization endpoint,
 * never a 500, never a stack trace, never a redirect to an unregistered URI.
 */
class MalformedRequestTest extends HttpTest {

	static final String WEB_REDIRECT = "https://app.example.test/callback";

	static final String WEB_LOOPBACK = "http://127.0.0.1:3000/callback";

	static final String SPA_REDIRECT = "https://spa.example.test/callback";

	static final String NATIVE_REDIRECT = "http://127.0.0.1/callback";

	static final String TOKEN = "/oauth2/token";

	static final String AUTHORIZE = "/oauth2/authorize";

	static final String INTROSPECT = "/oauth2/introspect";

	static final String REVOKE = "/oauth2/revoke";

	static final String FORM_UTF8 = "application/x-www-form-urlencoded; charset=UTF-8";

	static final String HUNDRED_KB = "a".repeat(100 * 1024);

	/** Clients shared by all cases, registered once per server (the Spring context is cached). */
	record Clients(int port, RegisteredCredentials web, RegisteredCredentials otherWeb, RegisteredCredentials webPost,
			RegisteredCredentials spa, RegisteredCredentials nativeApp, RegisteredCredentials m2m,
			RegisteredCredentials cli, RegisteredCredentials otherCli) {
	}

	private static Clients clients;

	@BeforeEach
	void registerClientsOnce() {
		if (clients != null && clients.port() == this.port) {
			return;
		}
		Set<String> scopes = Set.of("openid", "notes.read");
		clients = new Clients(this.port,
				register(ClientType.WEB, Set.of(WEB_REDIRECT, WEB_LOOPBACK), scopes, true),
				register(ClientType.WEB, Set.of(WEB_REDIRECT), scopes, true),
				register(NewClient.of(null, "web post client", ClientType.WEB, Set.of(WEB_REDIRECT), scopes, true)
					.withAuthMethod("client_secret_post")),
				register(ClientType.SPA, Set.of(SPA_REDIRECT), Set.of("notes.read"), true),
				register(ClientType.NATIVE, Set.of(NATIVE_REDIRECT), Set.of("notes.read"), true),
				register(ClientType.M2M, Set.of(), Set.of("notes.read"), true),
				register(ClientType.CLI, Set.of(), Set.of("notes.read"), true),
				register(ClientType.CLI, Set.of(), Set.of("notes.read"), true));
	}

	// ------------------------------------------------------------------------------------------
	// The table
	// ------------------------------------------------------------------------------------------

	static Stream<Named<Case>> cases() {
		return Stream.of(
				// ---- token endpoint: grant_type ----
				json("token: missing grant_type", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).formParam("scope", "notes.read").post(TOKEN)),
				json("token: empty grant_type", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).formParam("grant_type", "").post(TOKEN)),
				json("token: unknown grant_type", 400, "unsupported_grant_type",
						(t) -> basic(t.c().m2m()).formParam("grant_type", "magic_beans").post(TOKEN)),
				json("token: duplicated grant_type", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).formParam("grant_type", "client_credentials", "client_credentials")
							.post(TOKEN)),
				json("token: client_credentials for a client not registered for it", 400, "unauthorized_client",
						(t) -> basic(t.c().web()).formParam("grant_type", "client_credentials").post(TOKEN)),
				json("token: scope not allowed for the client", 400, "invalid_scope",
						(t) -> basic(t.c().m2m()).formParam("grant_type", "client_credentials")
							.formParam("scope", "admin.everything")
							.post(TOKEN)),
				json("token: duplicated scope parameter", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).formParam("grant_type", "client_credentials")
							.formParam("scope", "notes.read", "notes.read")
							.post(TOKEN)),
				json("token: unknown parameters are ignored, the bad scope is not", 400, "invalid_scope",
						(t) -> basic(t.c().m2m()).formParam("grant_type", "client_credentials")
							.formParam("frobnicate", "yes")
							.formParam("x-debug", "1")
							.formParam("scope", "notes.delete")
							.post(TOKEN)),

				// ---- token endpoint: client authentication ----
				json("token: no client authentication at all", 401, "invalid_client",
						(t) -> form().formParam("grant_type", "client_credentials").post(TOKEN)),
				json("token: wrong secret (Basic)", 401, "invalid_client",
						(t) -> form().auth().preemptive().basic(t.c().m2m().clientId(), "not-the-secret")
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),
				json("token: unknown client (Basic)", 401, "invalid_client",
						(t) -> form().auth().preemptive().basic("no-such-client", "secret")
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),
				json("token: Basic header that is not base64", 400, "invalid_request",
						(t) -> form().header("Authorization", "Basic !!!not*base64~~~")
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),
				json("token: Basic credentials without a colon", 400, "invalid_request",
						(t) -> form().header("Authorization", "Basic " + b64(t.c().m2m().clientId()))
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),
				json("token: empty Basic header", 400, "invalid_request",
						(t) -> form().header("Authorization", "Basic ")
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),
				json("token: Bearer instead of Basic", 401, "invalid_client",
						(t) -> form().header("Authorization", "Bearer " + t.c().m2m().clientSecret())
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),
				json("token: both Basic and client_secret_post", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).formParam("client_id", t.c().m2m().clientId())
							.formParam("client_secret", t.c().m2m().clientSecret())
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),
				json("token: client_secret_post with a wrong secret", 401, "invalid_client",
						(t) -> form().formParam("client_id", t.c().webPost().clientId())
							.formParam("client_secret", "wrong")
							.formParam("grant_type", "refresh_token")
							.formParam("refresh_token", "whatever")
							.post(TOKEN)),
				json("token: client_secret_post client using Basic", 401, "invalid_client",
						(t) -> basic(t.c().webPost()).formParam("grant_type", "refresh_token")
							.formParam("refresh_token", "whatever")
							.post(TOKEN)),
				json("token: duplicated client_id (client_secret_post)", 400, "invalid_request",
						(t) -> form().formParam("client_id", t.c().webPost().clientId(), t.c().webPost().clientId())
							.formParam("client_secret", t.c().webPost().clientSecret())
							.formParam("grant_type", "refresh_token")
							.formParam("refresh_token", "whatever")
							.post(TOKEN)),
				json("token: public client on client_credentials", 401, "invalid_client",
						(t) -> form().formParam("client_id", t.c().spa().clientId())
							.formParam("grant_type", "client_credentials")
							.post(TOKEN)),

				// ---- token endpoint: transport-level garbage ----
				json("token: text/plain body", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).contentType("text/plain")
							.body("grant_type=client_credentials")
							.post(TOKEN)),
				json("token: JSON body", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).contentType("application/json")
							.body("{\"grant_type\":\"client_credentials\",\"scope\":\"notes.read\"}")
							.post(TOKEN)),
				json("token: GET instead of POST", 400, "invalid_request",
						(t) -> given().redirects().follow(false).auth().preemptive()
							.basic(t.c().m2m().clientId(), t.c().m2m().clientSecret())
							.queryParam("grant_type", "client_credentials")
							.get(TOKEN)),
				json("token: 100 KB grant_type", 400, "unsupported_grant_type",
						(t) -> basic(t.c().m2m()).formParam("grant_type", HUNDRED_KB).post(TOKEN)),
				json("token: 100 KB scope", 400, "invalid_scope",
						(t) -> basic(t.c().m2m()).formParam("grant_type", "client_credentials")
							.formParam("scope", HUNDRED_KB)
							.post(TOKEN)),
				json("token: 100 KB client_id (public client)", 401, "invalid_client",
						(t) -> form().formParam("client_id", HUNDRED_KB)
							.formParam("grant_type", "refresh_token")
							.formParam("refresh_token", "x")
							.post(TOKEN)),
				json("token: 100 KB authorization code", 400, "invalid_grant",
						(t) -> basic(t.c().web()).formParam("grant_type", "authorization_code")
							.formParam("code", HUNDRED_KB)
							.formParam("redirect_uri", WEB_REDIRECT)
							.formParam("code_verifier", Pkce.create().verifier())
							.post(TOKEN)),
				json("token: bad percent-encoding %ZZ in grant_type", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).contentType(FORM_UTF8).body("grant_type=%ZZ").post(TOKEN)),
				json("token: invalid UTF-8 %C3%28 in scope", 400, "invalid_request",
						(t) -> basic(t.c().m2m()).contentType(FORM_UTF8)
							.body("grant_type=client_credentials&scope=%C3%28")
							.post(TOKEN)),
				json("token: raw invalid UTF-8 bytes in the body", 400, "invalid_request",
						(t) -> t.raw("POST", TOKEN, FORM_UTF8, basicHeader(t.c().web()),
								concat("grant_type=refresh_token&refresh_token=",
										new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE }))),

				// ---- token endpoint: authorization_code ----
				json("token: missing code", 400, "invalid_request",
						(t) -> basic(t.c().web()).formParam("grant_type", "authorization_code")
							.formParam("redirect_uri", WEB_REDIRECT)
							.post(TOKEN)),
				json("token: unknown code", 400, "invalid_grant",
						(t) -> basic(t.c().web()).formParam("grant_type", "authorization_code")
							.formParam("code", "no-such-code")
							.formParam("redirect_uri", WEB_REDIRECT)
							.formParam("code_verifier", Pkce.create().verifier())
							.post(TOKEN)),
				json("token: duplicated code", 400, "invalid_request",
						(t) -> basic(t.c().web()).formParam("grant_type", "authorization_code")
							.formParam("code", "one", "two")
							.formParam("redirect_uri", WEB_REDIRECT)
							.post(TOKEN)),
				json("token: code issued to another client", 400, "invalid_grant", (t) -> {
					Pkce pkce = Pkce.create();
					String code = t.code(t.c().web(), WEB_REDIRECT, pkce);
					return exchange(basic(t.c().otherWeb()), code, WEB_REDIRECT, pkce.verifier());
				}),
				json("token: wrong code_verifier (public client)", 400, "invalid_grant", (t) -> {
					String code = t.code(t.c().spa(), SPA_REDIRECT, Pkce.create());
					return exchange(form().formParam("client_id", t.c().spa().clientId()), code, SPA_REDIRECT,
							Pkce.create().verifier());
				}),
				json("token: missing code_verifier (public client, RFC 7636 §4.6)", 400, "invalid_grant", (t) -> {
					String code = t.code(t.c().spa(), SPA_REDIRECT, Pkce.create());
					return exchange(form().formParam("client_id", t.c().spa().clientId()), code, SPA_REDIRECT,
							null);
				}),
				json("token: missing code_verifier (confidential client)", 400, "invalid_grant", (t) -> {
					String code = t.code(t.c().web(), WEB_REDIRECT, Pkce.create());
					return exchange(basic(t.c().web()), code, WEB_REDIRECT, null);
				}),
				json("token: redirect_uri differs from the authorization request", 400, "invalid_grant", (t) -> {
					Pkce pkce = Pkce.create();
					String code = t.code(t.c().web(), WEB_REDIRECT, pkce);
					return exchange(basic(t.c().web()), code, WEB_LOOPBACK, pkce.verifier());
				}),

				// ---- token endpoint: refresh_token ----
				json("token: unknown refresh token (confidential)", 400, "invalid_grant",
						(t) -> basic(t.c().web()).formParam("grant_type", "refresh_token")
							.formParam("refresh_token", "no-such-refresh-token")
							.post(TOKEN)),
				json("token: unknown refresh token (public)", 400, "invalid_grant",
						(t) -> form().formParam("client_id", t.c().spa().clientId())
							.formParam("grant_type", "refresh_token")
							.formParam("refresh_token", "no-such-refresh-token")
							.post(TOKEN)),
				json("token: missing refresh_token", 400, "invalid_request",
						(t) -> basic(t.c().web()).formParam("grant_type", "refresh_token").post(TOKEN)),
				json("token: refresh token of another client", 400, "invalid_grant", (t) -> {
					String refreshToken = passwordGrant(t.c().cli(), t.newUser(), USER_PASSWORD).then()
						.statusCode(200)
						.extract()
						.path("refresh_token");
					return refresh(t.c().otherCli(), refreshToken);
				}),

				// ---- token endpoint: password ----
				json("token: password grant, missing username/password, client not registered for it", 400,
						"invalid_request",
						(t) -> basic(t.c().web()).formParam("grant_type", "password").post(TOKEN)),
				json("token: password grant, client not registered for it", 400, "unauthorized_client",
						(t) -> passwordGrant(t.c().web(), t.newUser(), USER_PASSWORD)),
				json("token: password grant, missing password", 400, "invalid_request",
						(t) -> form().formParam("client_id", t.c().cli().clientId())
							.formParam("grant_type", "password")
							.formParam("username", "someone")
							.post(TOKEN)),
				json("token: password grant, duplicated username", 400, "invalid_request",
						(t) -> form().formParam("client_id", t.c().cli().clientId())
							.formParam("grant_type", "password")
							.formParam("username", "a", "b")
							.formParam("password", "x")
							.post(TOKEN)),
				json("token: password grant, duplicated client_id (public)", 400, "invalid_request",
						(t) -> form().formParam("client_id", t.c().cli().clientId(), t.c().cli().clientId())
							.formParam("grant_type", "password")
							.formParam("username", "a")
							.formParam("password", "x")
							.post(TOKEN)),
				json("token: password grant, wrong password", 400, "invalid_grant",
						(t) -> passwordGrant(t.c().cli(), t.newUser(), "wrong password")),
				json("token: password grant, scope not allowed", 400, "invalid_scope",
						(t) -> form().formParam("client_id", t.c().cli().clientId())
							.formParam("grant_type", "password")
							.formParam("username", t.newUser())
							.formParam("password", USER_PASSWORD)
							.formParam("scope", "admin.everything")
							.post(TOKEN)),

				// ---- introspection (RFC 7662) ----
				json("introspect: no client authentication", 401, "invalid_client",
						(t) -> form().formParam("token", "anything").post(INTROSPECT)),
				json("introspect: wrong secret", 401, "invalid_client",
						(t) -> form().auth().preemptive().basic(t.c().web().clientId(), "wrong")
							.formParam("token", "anything")
							.post(INTROSPECT)),
				json("introspect: public client (client_id only)", 401, "invalid_client",
						(t) -> form().formParam("client_id", t.c().spa().clientId())
							.formParam("token", "anything")
							.post(INTROSPECT)),
				json("introspect: Bearer instead of Basic", 401, "invalid_client",
						(t) -> form().header("Authorization", "Bearer anything")
							.formParam("token", "anything")
							.post(INTROSPECT)),
				json("introspect: Basic header that is not base64", 400, "invalid_request",
						(t) -> form().header("Authorization", "Basic %%%")
							.formParam("token", "anything")
							.post(INTROSPECT)),
				json("introspect: missing token", 400, "invalid_request",
						(t) -> basic(t.c().web()).formParam("token_type_hint", "access_token").post(INTROSPECT)),
				json("introspect: duplicated token", 400, "invalid_request",
						(t) -> basic(t.c().web()).formParam("token", "a", "b").post(INTROSPECT)),
				of("introspect: unknown token is inactive (200)", Expect.INACTIVE, 200, null,
						(t) -> basic(t.c().web()).formParam("token", "no-such-token").post(INTROSPECT)),

				// ---- revocation (RFC 7009) ----
				json("revoke: no client authentication", 401, "invalid_client",
						(t) -> form().formParam("token", "anything").post(REVOKE)),
				json("revoke: wrong secret", 401, "invalid_client",
						(t) -> form().auth().preemptive().basic(t.c().web().clientId(), "wrong")
							.formParam("token", "anything")
							.post(REVOKE)),
				json("revoke: empty Basic header", 400, "invalid_request",
						(t) -> form().header("Authorization", "Basic ").formParam("token", "anything").post(REVOKE)),
				json("revoke: missing token", 400, "invalid_request",
						(t) -> basic(t.c().web()).post(REVOKE)),
				json("revoke: duplicated token", 400, "invalid_request",
						(t) -> basic(t.c().web()).formParam("token", "a", "b").post(REVOKE)),
				of("revoke: unknown token (200)", Expect.REVOKED, 200, null,
						(t) -> basic(t.c().web()).formParam("token", "no-such-token").post(REVOKE)),

				// ---- authorization endpoint: client_id and redirect_uri (never redirect) ----
				page("authorize: unknown client_id", "invalid_request",
						(t) -> t.authorize(Map.of("client_id", "no-such-client"), t.c().web(), WEB_REDIRECT)),
				page("authorize: missing client_id", "invalid_request",
						(t) -> t.authorize(Map.of("client_id", ""), null, WEB_REDIRECT)),
				page("authorize: duplicated client_id", "invalid_request", (t) -> t
					.raw("GET", AUTHORIZE + "?" + t.query(t.c().web(), WEB_REDIRECT) + "&client_id="
							+ t.c().otherWeb().clientId(), null, null)),
				page("authorize: unregistered redirect_uri", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), "https://evil.example.test/callback")),
				page("authorize: redirect_uri with a trailing slash", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), WEB_REDIRECT + "/")),
				page("authorize: redirect_uri with a different-case host", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), "https://APP.example.test/callback")),
				page("authorize: redirect_uri with an extra query", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), WEB_REDIRECT + "?next=https://evil.example.test")),
				page("authorize: redirect_uri with a fragment", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), WEB_REDIRECT + "#frag")),
				page("authorize: redirect_uri on another port (web client)", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), "https://app.example.test:8443/callback")),
				page("authorize: loopback redirect_uri on another port (web client)", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), "http://127.0.0.1:3001/callback")),
				page("authorize: http instead of https", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), "http://app.example.test/callback")),
				page("authorize: native client, loopback with another path", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().nativeApp(), "http://127.0.0.1:5000/other")),
				page("authorize: redirect_uri of another client", "invalid_request",
						(t) -> t.authorize(Map.of(), t.c().web(), SPA_REDIRECT)),
				page("authorize: duplicated redirect_uri", "invalid_request", (t) -> t
					.raw("GET", AUTHORIZE + "?" + t.query(t.c().web(), WEB_REDIRECT) + "&redirect_uri="
							+ enc("https://evil.example.test/callback"), null, null)),
				page("authorize: bad percent-encoding %ZZ in client_id", "invalid_request",
						(t) -> t.raw("GET", AUTHORIZE + "?response_type=code&client_id=%ZZ&redirect_uri="
								+ enc(WEB_REDIRECT), null, null)),
				page("authorize: invalid UTF-8 %C3%28 in redirect_uri", "invalid_request",
						(t) -> t.raw("GET", AUTHORIZE + "?response_type=code&client_id=" + t.c().web().clientId()
								+ "&redirect_uri=https%3A%2F%2Fapp.example.test%2Fcallback%C3%28&code_challenge="
								+ Pkce.create().challenge() + "&code_challenge_method=S256", null, null)),
				page("authorize: 100 KB client_id (POST)", "invalid_request",
						(t) -> given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
							.formParam("response_type", "code")
							.formParam("client_id", HUNDRED_KB)
							.formParam("redirect_uri", WEB_REDIRECT)
							.post(AUTHORIZE)),

				// ---- authorization endpoint: errors the verified redirect URI may receive ----
				redirect("authorize: missing response_type", WEB_REDIRECT, "invalid_request",
						(t) -> t.authorize(Map.of("response_type", ""), t.c().web(), WEB_REDIRECT)),
				redirect("authorize: response_type=token (implicit)", WEB_REDIRECT, "unsupported_response_type",
						(t) -> t.authorize(Map.of("response_type", "token"), t.c().web(), WEB_REDIRECT)),
				redirect("authorize: plain PKCE", SPA_REDIRECT, "invalid_request",
						(t) -> t.authorize(Map.of("code_challenge_method", "plain"), t.c().spa(), SPA_REDIRECT)),
				redirect("authorize: unknown code_challenge_method", SPA_REDIRECT, "invalid_request",
						(t) -> t.authorize(Map.of("code_challenge_method", "S512"), t.c().spa(), SPA_REDIRECT)),
				redirect("authorize: missing code_challenge (public client)", SPA_REDIRECT, "invalid_request",
						(t) -> t.authorize(Map.of("code_challenge", "", "code_challenge_method", ""), t.c().spa(),
								SPA_REDIRECT)),
				redirect("authorize: scope not allowed", WEB_REDIRECT, "invalid_scope",
						(t) -> t.authorize(Map.of("scope", "notes.read admin.everything"), t.c().web(),
								WEB_REDIRECT)),
				redirect("authorize: duplicated scope", WEB_REDIRECT, "invalid_request", (t) -> t
					.raw("GET", AUTHORIZE + "?" + t.query(t.c().web(), WEB_REDIRECT) + "&scope=notes.read&scope=openid",
							null, null)),
				redirect("authorize: duplicated state", WEB_REDIRECT, "invalid_request", (t) -> t
					.raw("GET", AUTHORIZE + "?" + t.query(t.c().web(), WEB_REDIRECT) + "&state=second", null,
							null)),
				redirect("authorize: 100 KB scope (POST)", WEB_REDIRECT, "invalid_scope",
						(t) -> given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
							.formParams(t.parameters(Map.of("scope", HUNDRED_KB), t.c().web(), WEB_REDIRECT))
							.post(AUTHORIZE)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isRefusedTheRfcWay(Case testCase) {
		Answer answer = Answer.of(testCase.request().apply(this));
		try {
			check(testCase, answer);
		}
		catch (AssertionError ex) {
			throw new AssertionError(testCase.name() + " answered " + answer.status() + " Location=" + answer.location()
					+ " body=" + abbreviate(answer.body()) + ": " + ex.getMessage(), ex);
		}
	}

	private static void check(Case testCase, Answer answer) {
		String body = answer.body();
		String location = answer.location();

		assertThat(answer.status()).as("status; body: %s", abbreviate(body)).isNotEqualTo(500);
		assertThat(body).as("no stack trace").doesNotContain("Exception").doesNotContain("at org.springframework");

		switch (testCase.expect()) {
			case JSON -> {
				assertThat(answer.status()).as("status; body: %s", abbreviate(body)).isEqualTo(testCase.status());
				assertThat(answer.contentType()).as("content type; body: %s", abbreviate(body))
					.startsWith("application/json");
				assertThat(jsonString(body, "error")).as("error; body: %s", abbreviate(body))
					.isEqualTo(testCase.error());
			}
			case PAGE -> {
				assertThat(location).as("never redirect; body: %s", abbreviate(body)).isNull();
				assertThat(answer.status()).as("status; body: %s", abbreviate(body)).isEqualTo(400);
				assertThat(body).as("error page").contains("<code id=\"error\">" + testCase.error() + "</code>");
			}
			case REDIRECT -> {
				assertThat(answer.status()).as("status; Location %s; body: %s", location, abbreviate(body))
					.isEqualTo(302);
				assertThat(location).as("redirect to the registered URI").startsWith(testCase.redirectUri() + "?");
				Map<String, String> query = queryParameters(location);
				assertThat(query).containsEntry("error", testCase.error())
					.containsEntry("iss", "http://localhost:9000")
					.doesNotContainKey("code");
			}
			case INACTIVE -> {
				assertThat(answer.status()).isEqualTo(200);
				assertThat(body.replace(" ", "")).isEqualTo("{\"active\":false}");
			}
			case REVOKED -> assertThat(answer.status()).as("body: %s", abbreviate(body)).isEqualTo(200);
		}
	}

	// ------------------------------------------------------------------------------------------
	// Cases and expectations
	// ------------------------------------------------------------------------------------------

	enum Expect {

		/** Token, introspection, revocation: this status and a JSON body with this {@code error}. */
		JSON,

		/** Authorization endpoint: a 400 error page showing this error, and no Location header. */
		PAGE,

		/** Authorization endpoint: 302 to the registered redirect URI with {@code error=} and {@code iss=}. */
		REDIRECT,

		/** RFC 7662 §2.2: an unknown token is {"active":false}, not an error. */
		INACTIVE,

		/** RFC 7009 §2.2: revoking an unknown token answers 200. */
		REVOKED

	}

	record Case(String name, Expect expect, int status, String error, String redirectUri,
			Function<MalformedRequestTest, Object> request) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static Named<Case> json(String name, int status, String error, Function<MalformedRequestTest, ?> request) {
		return of(name, Expect.JSON, status, error, request);
	}

	private static Named<Case> page(String name, String error, Function<MalformedRequestTest, ?> request) {
		return of(name, Expect.PAGE, 400, error, request);
	}

	private static Named<Case> redirect(String name, String redirectUri, String error,
			Function<MalformedRequestTest, ?> request) {
		return Named.of(name, new Case(name, Expect.REDIRECT, 302, error, redirectUri, adapt(request)));
	}

	private static Named<Case> of(String name, Expect expect, int status, String error,
			Function<MalformedRequestTest, ?> request) {
		return Named.of(name, new Case(name, expect, status, error, null, adapt(request)));
	}

	@SuppressWarnings("unchecked")
	private static Function<MalformedRequestTest, Object> adapt(Function<MalformedRequestTest, ?> request) {
		return (Function<MalformedRequestTest, Object>) request;
	}

	/** What came back, whether through REST Assured or a raw socket. */
	record Answer(int status, String location, String contentType, String wwwAuthenticate, String body) {

		static Answer of(Object response) {
			if (response instanceof Answer answer) {
				return answer;
			}
			Response rest = (Response) response;
			return new Answer(rest.statusCode(), rest.header("Location"), String.valueOf(rest.contentType()),
					rest.header("WWW-Authenticate"), rest.asString());
		}

	}

	// ------------------------------------------------------------------------------------------
	// Requests
	// ------------------------------------------------------------------------------------------

	Clients c() {
		return clients;
	}

	/** A form POST without charset appended by REST Assured, and without following redirects. */
	static RequestSpecification form() {
		return given().config(RestAssuredConfig.config()
			.encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
			.redirects()
			.follow(false)
			.contentType("application/x-www-form-urlencoded");
	}

	static RequestSpecification basic(RegisteredCredentials client) {
		return form().auth().preemptive().basic(client.clientId(), client.clientSecret());
	}

	static Response exchange(RequestSpecification authenticated, String code, String redirectUri, String verifier) {
		RequestSpecification request = authenticated.formParam("grant_type", "authorization_code")
			.formParam("code", code)
			.formParam("redirect_uri", redirectUri);
		if (verifier != null) {
			request.formParam("code_verifier", verifier);
		}
		return request.post(TOKEN);
	}

	/** A real authorization code, through the sign-in form. */
	String code(RegisteredCredentials client, String redirectUri, Pkce pkce) {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response redirect = browser.signIn(browser.authorize(parameters(Map.of(), client, redirectUri, pkce)),
				newUser(), USER_PASSWORD);
		String code = BrowserFlow.redirectParameters(redirect).get("code");
		assertThat(code).as("a code from %s", redirect.header("Location")).isNotNull();
		return code;
	}

	/** A well-formed code request for this client, with some parameters overridden ("" removes one). */
	Map<String, String> parameters(Map<String, String> overrides, RegisteredCredentials client, String redirectUri) {
		return parameters(overrides, client, redirectUri, Pkce.create());
	}

	static Map<String, String> parameters(Map<String, String> overrides, RegisteredCredentials client,
			String redirectUri, Pkce pkce) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", (client != null) ? client.clientId() : "");
		parameters.put("redirect_uri", redirectUri);
		parameters.put("scope", "notes.read");
		parameters.put("state", "xyz-state");
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		parameters.putAll(overrides);
		parameters.values().removeIf(String::isEmpty);
		return parameters;
	}

	Answer authorize(Map<String, String> overrides, RegisteredCredentials client, String redirectUri) {
		return Answer.of(new BrowserFlow(baseUrl()).authorize(parameters(overrides, client, redirectUri)));
	}

	String query(RegisteredCredentials client, String redirectUri) {
		StringBuilder query = new StringBuilder();
		parameters(Map.of(), client, redirectUri).forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(enc(value)));
		return query.toString();
	}

	/** HTTP/1.1 over a socket, byte for byte: for request targets that URI classes refuse to build. */
	Answer raw(String method, String target, String contentType, byte[] body) {
		return raw(method, target, contentType, null, body);
	}

	Answer raw(String method, String target, String contentType, String authorization, byte[] body) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(20_000);
			StringBuilder head = new StringBuilder().append(method)
				.append(' ')
				.append(target)
				.append(" HTTP/1.1\r\nHost: localhost:")
				.append(this.port)
				.append("\r\nConnection: close\r\n");
			if (contentType != null) {
				head.append("Content-Type: ").append(contentType).append("\r\n");
			}
			if (authorization != null) {
				head.append("Authorization: ").append(authorization).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Answer parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String head = text.substring(0, end);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Answer(status, headers.get("location"), headers.getOrDefault("content-type", ""),
				headers.get("www-authenticate"), new String(body, StandardCharsets.UTF_8));
	}

	/** Chunk sizes count bytes, so this works on bytes: a page may hold characters beyond ASCII. */
	private static byte[] unchunk(byte[] chunked) {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		String text = new String(chunked, StandardCharsets.ISO_8859_1);
		int at = 0;
		while (true) {
			int lineEnd = text.indexOf("\r\n", at);
			int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				return body.toByteArray();
			}
			body.write(chunked, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
	}

	// ------------------------------------------------------------------------------------------
	// Small helpers
	// ------------------------------------------------------------------------------------------

	static String basicHeader(RegisteredCredentials client) {
		return "Basic " + b64(client.clientId() + ":" + client.clientSecret());
	}

	static String b64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static byte[] concat(String ascii, byte[] tail) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(tail);
		return out.toByteArray();
	}

	static String jsonString(String body, String name) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	static Map<String, String> queryParameters(String location) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(location)
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name,
					java.net.URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return parameters;
	}

	static String abbreviate(String body) {
		return (body.length() > 400) ? body.substring(0, 400) + "..." : body;
	}

}

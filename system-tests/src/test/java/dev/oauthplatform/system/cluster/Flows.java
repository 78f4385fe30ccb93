package dev.oauthplatform.system.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Browser;
import dev.oauthplatform.system.support.Cluster;
import dev.oauthplatform.system.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What the cluster tests do over and over: clients, users, the code flow step by step, token calls. */
final class Flows {

	static final String REDIRECT_URI = "http://localhost:3000/cluster/callback";

	static final String AFTER_LOGOUT = "http://localhost:3000/cluster/signed-out";

	static final String PASSWORD = "plum-orbit-lantern-42";

	/** Connect and read timeouts, so that a request to a killed instance fails rather than hangs. */
	private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config()
		.httpClient(HttpClientConfig.httpClientConfig()
			.setParam("http.connection.timeout", 5000)
			.setParam("http.socket.timeout", 15000));

	private Flows() {
	}

	record Client(String id, String secret) {
	}

	/** A third-party confidential web app (consent page shown), PKCE, with openid for an ID token. */
	static Client registerWebApp(Admin admin) {
		JsonPath client = admin.register(Map.of("client_name", "Cluster web app " + UUID.randomUUID(), "client_type",
				"web", "first_party", false, "redirect_uris", List.of(REDIRECT_URI), "post_logout_redirect_uris",
				List.of(AFTER_LOGOUT), "scope", "openid profile notes.read"));
		return new Client(client.getString("client_id"), client.getString("client_secret"));
	}

	/** A public command-line client on the password grant. */
	static Client registerCli(Admin admin) {
		JsonPath client = admin.register(Map.of("client_name", "Cluster CLI " + UUID.randomUUID(), "client_type",
				"cli", "scope", "notes.read"));
		return new Client(client.getString("client_id"), null);
	}

	static Client registerMachine(Admin admin) {
		Admin.Credentials credentials = admin.registerMachineClient("Cluster machine " + UUID.randomUUID());
		return new Client(credentials.clientId(), credentials.clientSecret());
	}

	static RequestSpecification http() {
		return given().config(TIMEOUTS).redirects().follow(false);
	}

	static Map<String, String> authorizeParameters(Client client, Pkce pkce, String state) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", client.id());
		parameters.put("redirect_uri", REDIRECT_URI);
		parameters.put("scope", "openid notes.read");
		parameters.put("state", state);
		parameters.put("nonce", UUID.randomUUID().toString());
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		return parameters;
	}

	/** Sign-in and consent through {@code browser}: returns the code, after checking state and iss. */
	static String signIn(Browser browser, Client client, String username, Pkce pkce) {
		String state = UUID.randomUUID().toString();
		Map<String, String> answer = browser.authorize(authorizeParameters(client, pkce, state), username, PASSWORD,
				List.of("openid", "notes.read"));
		assertThat(answer).as("the client's redirect").containsEntry("state", state).containsEntry("iss", Cluster.ISSUER);
		assertThat(answer.get("code")).as("the code in the client's redirect: %s", answer).isNotBlank();
		return answer.get("code");
	}

	static Response exchange(String server, Client client, String code, Pkce pkce) {
		return http().auth()
			.preemptive()
			.basic(client.id(), client.secret())
			.formParam("grant_type", "authorization_code")
			.formParam("code", code)
			.formParam("redirect_uri", REDIRECT_URI)
			.formParam("code_verifier", pkce.verifier())
			.post(server + "/oauth2/token");
	}

	/** A refresh, authenticated as the client when it has a secret. */
	static Response refresh(String server, Client client, String refreshToken) {
		RequestSpecification request = http();
		if (client.secret() != null) {
			request = request.auth().preemptive().basic(client.id(), client.secret());
		}
		else {
			request = request.formParam("client_id", client.id());
		}
		return request.formParam("grant_type", "refresh_token")
			.formParam("refresh_token", refreshToken)
			.post(server + "/oauth2/token");
	}

	static Response introspect(String server, Client client, String token) {
		return http().auth()
			.preemptive()
			.basic(client.id(), client.secret())
			.formParam("token", token)
			.post(server + "/oauth2/introspect");
	}

	static Response revoke(String server, Client client, String token) {
		return http().auth()
			.preemptive()
			.basic(client.id(), client.secret())
			.formParam("token", token)
			.post(server + "/oauth2/revoke");
	}

	static Response clientCredentials(String server, Client client) {
		return http().auth()
			.preemptive()
			.basic(client.id(), client.secret())
			.formParam("grant_type", "client_credentials")
			.post(server + "/oauth2/token");
	}

	/** The password grant for a user of a public CLI client, from {@code address} (X-Forwarded-For). */
	static Response passwordGrant(String server, Client cli, String username, String password, String address) {
		RequestSpecification request = http();
		if (address != null) {
			request = request.header("X-Forwarded-For", address);
		}
		return request.formParam("grant_type", "password")
			.formParam("client_id", cli.id())
			.formParam("username", username)
			.formParam("password", password)
			.post(server + "/oauth2/token");
	}

	static String refreshToken(Response response) {
		assertThat(response.statusCode()).as("token response %s", response.asString()).isEqualTo(200);
		return response.path("refresh_token");
	}

	/**
	 * The whole browser flow, each step on {@code browser}'s next server: authorize, sign-in form,
	 * consent, code exchange, refresh, introspection, revocation, introspection of the revoked token.
	 */
	static void wholeFlow(Browser browser, Client client, String username) {
		Pkce pkce = Pkce.create();
		String code = signIn(browser, client, username, pkce);
		Response tokens = exchange(browser.server(), client, code, pkce);
		assertThat(tokens.statusCode()).as("code exchange: %s", tokens.asString()).isEqualTo(200);
		assertThat((String) tokens.path("id_token")).isNotBlank();
		Response refreshed = refresh(browser.server(), client, tokens.path("refresh_token"));
		assertThat(refreshed.statusCode()).as("refresh: %s", refreshed.asString()).isEqualTo(200);
		String access = refreshed.path("access_token");
		String refreshToken = refreshed.path("refresh_token");
		Response active = introspect(browser.server(), client, access);
		assertThat(active.statusCode()).isEqualTo(200);
		assertThat((Boolean) active.path("active")).as("introspection: %s", active.asString()).isTrue();
		assertThat((String) active.path("iss")).isEqualTo(Cluster.ISSUER);
		assertThat(revoke(browser.server(), client, refreshToken).statusCode()).isEqualTo(200);
		Response revoked = introspect(browser.server(), client, refreshToken);
		assertThat((Boolean) revoked.path("active")).as("the revoked refresh token: %s", revoked.asString()).isFalse();
		Response refused = refresh(browser.server(), client, refreshToken);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) refused.path("error")).isEqualTo("invalid_grant");
	}

}

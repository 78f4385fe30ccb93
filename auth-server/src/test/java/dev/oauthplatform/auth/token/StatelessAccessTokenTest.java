package dev.oauthplatform.auth.token;

import java.util.Set;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.JpaRegisteredClientRepository;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;
import dev.oauthplatform.auth.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** client_credentials JWTs are issued without a database write and still introspect and revoke correctly. */
class StatelessAccessTokenTest extends HttpTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OAuthClientRepository clients;

	@Autowired
	private JpaRegisteredClientRepository registeredClients;

	@Test
	void issuingAClientCredentialsTokenWritesNothing() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		int before = rows();

		clientCredentials(m2m);
		clientCredentials(m2m);

		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aStatelessTokenIntrospectsAsActiveWithItsClaims() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		String token = clientCredentials(m2m);

		introspect(m2m, token).then()
			.body("active", equalTo(true))
			.body("client_id", equalTo(m2m.clientId()))
			.body("sub", equalTo(m2m.clientId()))
			.body("scope", equalTo("notes.read"));
	}

	@Test
	void aRevokedStatelessTokenIntrospectsAsInactive() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		String token = clientCredentials(m2m);
		String other = clientCredentials(m2m);
		// introspected once: remembered as verified, which must not outlive the revocation
		introspect(m2m, token).then().body("active", equalTo(true));

		given().auth().preemptive().basic(m2m.clientId(), m2m.clientSecret())
			.formParam("token", token)
			.post("/oauth2/revoke")
			.then()
			.statusCode(200);

		introspect(m2m, token).then().body("active", equalTo(false));
		introspect(m2m, other).then().body("active", equalTo(true));
		assertThat(this.jdbc.queryForObject("select count(*) from revoked_jti where jti = ?", Integer.class,
				Jwts.claims(token).get("jti"))).as("the deny list's record").isEqualTo(1);
	}

	@Test
	void aDisabledClientsTokensIntrospectAsInactive() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials introspector = registerResourceServer();
		String token = clientCredentials(m2m);

		this.clients.findByClientId(m2m.clientId()).ifPresent((client) -> {
			client.setEnabled(false);
			this.clients.save(client);
		});
		this.registeredClients.evict(m2m.clientId());

		introspect(introspector, token).then().body("active", equalTo(false));
	}

	@Test
	void tokensOfADeletedClientStayDeadWhenItsClientIdIsRegisteredAgain() throws InterruptedException {
		String clientId = "reborn-" + UUID.randomUUID();
		RegisteredCredentials first = register(
				NewClient.of(clientId, "first", ClientType.M2M, Set.of(),
						Set.of("notes.read"), true));
		String oldToken = clientCredentials(first);
		this.registrar.delete(clientId);
		// iat has whole seconds: a registration in the same second as the token could not tell them apart
		Thread.sleep(1100);

		RegisteredCredentials second = register(NewClient.of(clientId, "second",
				ClientType.M2M, Set.of(), Set.of("notes.read"), true));

		introspect(second, oldToken).then().body("active", equalTo(false));
		introspect(second, clientCredentials(second)).then().body("active", equalTo(true));
	}

	@Test
	void accessTokensAreTypedAtJwtAndAnIdTokenIsNoAccessToken() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		assertThat(Jwts.header(clientCredentials(m2m))).containsEntry("typ", "at+jwt");

		String redirect = "https://app.example.test/callback";
		RegisteredCredentials web = register(ClientType.WEB, Set.of(redirect), Set.of("openid", "notes.read"), true);
		Pkce pkce = Pkce.create();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response signedIn = browser.signIn(browser.authorize(CodeFlow.request(web,
				redirect, pkce, "openid notes.read")), newUser(), USER_PASSWORD);
		String code = BrowserFlow.redirectParameters(signedIn).get("code");
		JsonPath tokens = CodeFlow
			.exchange(web, code, redirect, pkce.verifier())
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();

		assertThat(Jwts.header(tokens.getString("access_token")))
			.containsEntry("typ", "at+jwt");
		given().auth().oauth2(tokens.getString("access_token")).get("/userinfo").then().statusCode(200);
		given().auth().oauth2(tokens.getString("id_token")).get("/userinfo").then().statusCode(401);
	}

	@Test
	void aUsersJwtIsNeverRevivedOnceItsGrantIsRevoked() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials introspector = registerResourceServer();
		Response tokens = passwordGrant(cli, newUser(), USER_PASSWORD);
		String accessToken = tokens.path("access_token");

		String grant = this.jdbc.queryForObject("select authorization_id from oauth_token where token_hash = ?",
				String.class, TokenHashes.hash(accessToken));
		this.jdbc.update("delete from oauth_token where authorization_id = ?", grant);
		this.jdbc.update("delete from oauth_authorization where id = ?", grant);

		introspect(introspector, accessToken).then().body("active", equalTo(false));
	}

	private int rows() {
		return this.jdbc.queryForObject("select (select count(*) from oauth_authorization) + "
				+ "(select count(*) from oauth_token) + (select count(*) from revoked_jti)", Integer.class);
	}

}

package dev.oauthplatform.auth.token;

import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.JpaRegisteredClientRepository;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.support.HttpTest;

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

		given().auth().preemptive().basic(m2m.clientId(), m2m.clientSecret())
			.formParam("token", token)
			.post("/oauth2/revoke")
			.then()
			.statusCode(200);

		introspect(m2m, token).then().body("active", equalTo(false));
		introspect(m2m, other).then().body("active", equalTo(true));
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

package dev.oauthplatform.auth.grant;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

class ClientCredentialsGrantTest extends HttpTest {

	@Test
	void anM2mClientGetsAnAccessTokenAndNoRefreshToken() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);

		String token = tokenRequest(m2m).formParam("grant_type", "client_credentials")
			.formParam("scope", "notes.read")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.body("access_token", notNullValue())
			.body("token_type", equalTo("Bearer"))
			.body("refresh_token", nullValue())
			.extract()
			.path("access_token");

		Map<String, Object> header = Jwts.header(token);
		Map<String, Object> claims = Jwts.claims(token);
		assertThat(header).containsEntry("alg", "ES256");
		assertThat(claims).containsEntry("sub", m2m.clientId())
			.containsEntry("client_id", m2m.clientId())
			.containsEntry("scope", "notes.read")
			.containsEntry("aud", "http://localhost:8081")
			.containsEntry("iss", "http://localhost:9000")
			.containsKeys("jti", "exp", "iat");
	}

	@Test
	void theResourceParameterNarrowsTheAudience() {
		RegisteredCredentials m2m = register(NewClient.of(null, "billing caller", ClientType.M2M, Set.of(),
				Set.of("notes.read"), true).withAudiences(Set.of("https://billing.example.test", "https://other.example.test")));

		String token = tokenRequest(m2m).formParam("grant_type", "client_credentials")
			.formParam("resource", "https://billing.example.test")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");

		assertThat(Jwts.claims(token)).containsEntry("aud", "https://billing.example.test");
	}

	@Test
	void aClientNotRegisteredForTheGrantIsRefused() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of("https://app.example.test/cb"), Set.of("notes.read"),
				true);

		tokenRequest(web).formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(400)
			.body("error", equalTo("unauthorized_client"));
	}

	@Test
	void aWrongSecretIsInvalidClient() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);

		given()
			.auth().preemptive().basic(m2m.clientId(), m2m.clientSecret() + "x")
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(401)
			.body("error", equalTo("invalid_client"));
	}

}

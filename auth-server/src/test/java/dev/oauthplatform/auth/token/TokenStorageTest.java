package dev.oauthplatform.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

class TokenStorageTest extends HttpTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ExpiredAuthorizationPurger purger;

	@Test
	void tokensAndSecretsAreStoredOnlyAsHashes() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		Response tokens = passwordGrant(cli, newUser(), USER_PASSWORD);
		String accessToken = tokens.path("access_token");
		String refreshToken = tokens.path("refresh_token");

		String everything = dump("oauth_token") + dump("oauth_authorization") + dump("oauth_client");

		assertThat(everything).doesNotContain(accessToken)
			.doesNotContain(refreshToken)
			.doesNotContain(m2m.clientSecret())
			.contains(TokenHashes.hash(refreshToken))
			.contains(TokenHashes.hash(accessToken));
	}

	@Test
	void aHashReadFromTheDatabaseIsNotAToken() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials introspector = registerResourceServer();
		Response tokens = passwordGrant(cli, newUser(), USER_PASSWORD);
		String refreshHash = sha256Hex(tokens.path("refresh_token"));
		String accessHash = sha256Hex(tokens.path("access_token"));
		assertThat(dump("oauth_token")).contains(refreshHash, accessHash);

		refresh(cli, "#sha256:" + refreshHash).then().statusCode(400).body("error", equalTo("invalid_grant"));
		introspect(introspector, "#sha256:" + accessHash).then().statusCode(200).body("active", equalTo(false));
		introspect(introspector, "#sha256:" + refreshHash).then().statusCode(200).body("active", equalTo(false));
		refresh(cli, tokens.path("refresh_token")).then().statusCode(200);
	}

	private static String sha256Hex(String value) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void expiredAuthorizationsArePurged() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials introspector = registerResourceServer();
		String accessToken = passwordGrant(cli, newUser(), USER_PASSWORD).path("access_token");
		String hash = TokenHashes.hash(accessToken);
		String authorizationId = this.jdbc.queryForObject(
				"select authorization_id from oauth_token where token_hash = ?", String.class, hash);
		this.jdbc.update("update oauth_authorization set expires_at = ? where id = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), authorizationId);

		assertThat(this.purger.purge()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.queryForObject("select count(*) from oauth_token where authorization_id = ?",
				Integer.class, authorizationId)).isZero();
		introspect(introspector, accessToken).then().body("active", equalTo(false));
	}

	@Test
	void anAuthorizationCodeLivesSixtySeconds() {
		String redirectUri = "https://app.example.test/cb";
		RegisteredCredentials web = register(ClientType.WEB, Set.of(redirectUri), Set.of("notes.read"), true);
		Pkce pkce = Pkce.create();
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response redirect = browser.signIn(browser.authorize(Map.of("response_type", "code", "client_id", web.clientId(),
				"redirect_uri", redirectUri, "code_challenge", pkce.challenge(), "code_challenge_method", "S256")),
				newUser(), USER_PASSWORD);
		String code = BrowserFlow.redirectParameters(redirect).get("code");

		Map<String, Object> row = this.jdbc.queryForMap(
				"select kind, issued_at, expires_at from oauth_token where token_hash = ?", TokenHashes.hash(code));

		assertThat(row.get("kind")).isEqualTo("CODE");
		assertThat(Duration.between(instant(row.get("issued_at")), instant(row.get("expires_at"))))
			.isEqualTo(Duration.ofSeconds(60));
	}

	private static Instant instant(Object timestamp) {
		return (timestamp instanceof java.time.OffsetDateTime offset) ? offset.toInstant()
				: ((java.sql.Timestamp) timestamp).toInstant();
	}

	private String dump(String table) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from " + table);
		return rows.toString();
	}

}

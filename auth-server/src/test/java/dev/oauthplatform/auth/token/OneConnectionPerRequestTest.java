package dev.oauthplatform.auth.token;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.JpaRegisteredClientRepository;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A request holds at most one database connection at a time. One that holds a connection while it
 * waits for a second deadlocks the pool as soon as as many requests as it has connections do so at
 * once: found as 503s on the first refreshes after a start (16 concurrent refreshes, 10 connections,
 * each grant look-up holding its connection while it loaded the client from the database). Here
 * this test holds every connection of the pool but one while a request runs: a request that needs
 * two waits for itself and gets the pool timeout's 503 instead of its answer. Every token path must
 * answer, and every step of a browser sign-in, with the client caches empty.
 */
class OneConnectionPerRequestTest extends HttpTest {

	private static final String REDIRECT = "https://app.example.test/callback";

	@Autowired
	private JpaRegisteredClientRepository clients;

	@Autowired
	private HikariDataSource pool;

	@Test
	void aRefreshWithTheClientNotCachedNeedsOneConnection() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String refreshToken = passwordGrant(cli, newUser(), USER_PASSWORD).then()
			.statusCode(200)
			.extract()
			.path("refresh_token");
		this.clients.evict(cli.clientId());

		withOneConnectionLeft(() -> refresh(cli, refreshToken)).then().statusCode(200);
	}

	@Test
	void aPasswordGrantAndARevocationWithTheClientNotCachedNeedOneConnection() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String user = newUser();
		this.clients.evict(cli.clientId());

		String refreshToken = withOneConnectionLeft(() -> passwordGrant(cli, user, USER_PASSWORD)).then()
			.statusCode(200)
			.extract()
			.path("refresh_token");
		this.clients.evict(cli.clientId());
		withOneConnectionLeft(() -> given().formParam("client_id", cli.clientId())
			.formParam("token", refreshToken)
			.post("/oauth2/revoke")).then().statusCode(200);

		refresh(cli, refreshToken).then().statusCode(400);
	}

	@Test
	void introspectionWithTheClientsNotCachedNeedsOneConnection() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials introspector = registerResourceServer();
		String accessToken = passwordGrant(cli, newUser(), USER_PASSWORD).then()
			.statusCode(200)
			.extract()
			.path("access_token");
		this.clients.evict(cli.clientId());
		this.clients.evict(introspector.clientId());

		withOneConnectionLeft(() -> introspect(introspector, accessToken)).then()
			.statusCode(200)
			.body("active", equalTo(true));
	}

	@Test
	void aBrowserSignInAndConsentNeedOneConnectionPerRequest() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid", "notes.read"), true);
		String user = newUser();
		this.clients.evict(web.clientId());

		String code = withOneConnectionLeft(() -> CodeFlow.codeAfterSignIn(new BrowserFlow(baseUrl()), web, REDIRECT,
				Pkce.create(), "openid notes.read", user, USER_PASSWORD));

		assertThat(code).isNotBlank();
	}

	@Test
	void aCodeExchangeWithTheClientNotCachedNeedsOneConnection() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid", "notes.read"), true);
		Pkce pkce = Pkce.create();
		String code = CodeFlow.codeAfterSignIn(new BrowserFlow(baseUrl()), web, REDIRECT, pkce, "openid notes.read",
				newUser(), USER_PASSWORD);
		this.clients.evict(web.clientId());

		withOneConnectionLeft(() -> CodeFlow.exchange(web, code, REDIRECT, pkce.verifier())).then().statusCode(200);
	}

	private <T> T withOneConnectionLeft(Supplier<T> request) {
		List<Connection> held = new ArrayList<>();
		try {
			while (held.size() < this.pool.getMaximumPoolSize() - 1) {
				held.add(this.pool.getConnection());
			}
			return request.get();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			held.forEach(OneConnectionPerRequestTest::close);
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

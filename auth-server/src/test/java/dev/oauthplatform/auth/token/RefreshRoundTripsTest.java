package dev.oauthplatform.auth.token;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import io.restassured.response.Response;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;
import dev.oauthplatform.auth.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hot token paths cost in SQL statements, counted on the server's request threads: a
 * regression (a re-read, a lookup added per request) fails here before it shows in a benchmark.
 * A count above the stated one fails with the statements listed in the message (bench/REFRESH.md).
 */
class RefreshRoundTripsTest extends HttpTest {

	private static final String WEB_REDIRECT = "https://app.example.test/callback";

	@Test
	void aRotatingRefreshReadsOnceAndWritesOnlyWhatChanged() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String token = passwordGrant(cli, newUser(), USER_PASSWORD).then().statusCode(200).extract().path("refresh_token");
		// warm: the client is cached after its first request
		token = refresh(cli, token).then().statusCode(200).extract().path("refresh_token");
		String current = token;
		Response[] response = new Response[1];

		List<String> statements = SqlStatements.sentByServerDuring(() -> response[0] = refresh(cli, current));

		response[0].then().statusCode(200);
		assertThat(statements).hasSize(REFRESH_STATEMENTS);
	}

	/**
	 * The grant and its tokens by the token's hash; the user (still there and enabled?); the
	 * grant's update on the version read; the old access token deleted; the refresh token rotated
	 * out (relabelled); the new access and refresh tokens inserted (one statement, one JDBC batch).
	 * Before: 11, with a reuse look-up first, the client by id, the grant read again (locked) and
	 * its tokens before writing, and two inserts.
	 */
	static final int REFRESH_STATEMENTS = 6;

	@Test
	void introspectingAClientCredentialsJwtSendsNoStatement() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), false);
		RegisteredCredentials introspector = registerResourceServer();
		String token = clientCredentials(m2m);
		introspect(introspector, token).then().statusCode(200);

		List<String> statements = SqlStatements.sentByServerDuring(
				() -> introspect(introspector, token).then().statusCode(200));

		assertThat(statements).hasSize(INTROSPECTION_STATEMENTS);
	}

	/**
	 * None: the deny list of revoked jtis is answered from memory ({@code RevokedTokenIds}). Before:
	 * 1 (the deny list look-up), and before that 3 (a row looked for by hash, the client by id).
	 */
	static final int INTROSPECTION_STATEMENTS = 0;

	@Test
	void aCodeExchangeWritesOnlyWhatChanged() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(WEB_REDIRECT), Set.of("openid", "notes.read"), true);
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Pkce pkce = Pkce.create();
		String code = CodeFlow.codeAfterSignIn(browser, web, WEB_REDIRECT, pkce, "openid notes.read", newUser(),
				USER_PASSWORD);
		Response[] response = new Response[1];

		List<String> statements = SqlStatements.sentByServerDuring(
				() -> response[0] = CodeFlow.exchange(web, code, WEB_REDIRECT, pkce.verifier()));

		response[0].then().statusCode(200);
		assertThat(statements).hasSize(CODE_EXCHANGE_STATEMENTS);
	}

	/**
	 * The grant by the code's hash, twice (the framework's PKCE check, then its grant); the client
	 * by id (its first token request: cached from then on); the client secret's last use (recorded
	 * at most once a while, so here); the user; the grant's update on the version read; the code
	 * marked used; access, refresh and ID token inserted (one statement, one JDBC batch).
	 * Before: 13, with the client by id twice, the grant read again (locked) and its tokens, and
	 * three inserts.
	 */
	static final int CODE_EXCHANGE_STATEMENTS = 8;

	@Test
	void anAuthorizationRequestOfASignedInUserWritesOnlyTheGrant() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(WEB_REDIRECT), Set.of("openid", "notes.read"), true);
		BrowserFlow browser = new BrowserFlow(baseUrl());
		CodeFlow.codeAfterSignIn(browser, web, WEB_REDIRECT, Pkce.create(), "openid notes.read", newUser(), USER_PASSWORD);
		Map<String, String> parameters = CodeFlow.request(web, WEB_REDIRECT, Pkce.create(), "openid notes.read");
		Response[] response = new Response[1];

		List<String> statements = SqlStatements.sentByServerDuring(() -> response[0] = browser.authorize(parameters));

		assertThat(BrowserFlow.redirectParameters(response[0])).containsKey("code");
		assertThat(statements).as(String.join("\n", statements)).hasSize(AUTHORIZE_STATEMENTS);
	}

	/**
	 * The signed-in user (still there, enabled, same session version: sessions end with the
	 * account); the user's consent to the client (the framework reads it before it asks whether the
	 * client needs consent at all); the grant by its new id, locked (a save does not know the grant
	 * is new); the grant and its code inserted. Not counted: Spring Session's reading and touching of
	 * the browser session, plain JDBC rather than Hibernate. bench/paths.sh loads this path.
	 */
	static final int AUTHORIZE_STATEMENTS = 5;

	/**
	 * Every rotation leaves the token rotated out in the grant's family (reuse detection finds the
	 * grant by it); a refresh reads the family's live tokens only, so a grant refreshed for weeks
	 * costs what a new one does. Before, each refresh read the whole history: quadratic.
	 */
	@Test
	void aRefreshReadsAsManyRowsAfterFortyRotationsAsAfterOne() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String[] token = { passwordGrant(cli, newUser(), USER_PASSWORD).then().extract().path("refresh_token") };
		token[0] = refresh(cli, token[0]).then().statusCode(200).extract().path("refresh_token");

		long young = tokensLoadedDuring(() -> token[0] = refresh(cli, token[0]).then().extract().path("refresh_token"));
		for (int n = 0; n < 40; n++) {
			token[0] = refresh(cli, token[0]).then().statusCode(200).extract().path("refresh_token");
		}
		long old = tokensLoadedDuring(() -> refresh(cli, token[0]).then().statusCode(200));

		assertThat(old).as("token rows read by a refresh after 40 rotations (after 1: %d)", young).isEqualTo(young);
	}

	/**
	 * Reuse detection revokes the whole family in one statement (the database cascades to the
	 * tokens); removed through the entity manager, the history was loaded and deleted row by row.
	 */
	@Test
	void revokingAFamilyAfterFortyRotationsReadsNoMoreRowsThanOneRefresh() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String first = passwordGrant(cli, newUser(), USER_PASSWORD).then().extract().path("refresh_token");
		String[] token = { refresh(cli, first).then().statusCode(200).extract().path("refresh_token") };
		long oneRefresh = tokensLoadedDuring(
				() -> token[0] = refresh(cli, token[0]).then().extract().path("refresh_token"));
		for (int n = 0; n < 40; n++) {
			token[0] = refresh(cli, token[0]).then().statusCode(200).extract().path("refresh_token");
		}

		long revocation = tokensLoadedDuring(() -> refresh(cli, first).then().statusCode(400));

		// the live tokens, as a refresh reads them, and the rotated-out one presented
		assertThat(revocation).as("token rows read by the replay that revokes the family (one refresh: %d)", oneRefresh)
			.isLessThanOrEqualTo(oneRefresh + 1);
		refresh(cli, token[0]).then().statusCode(400);
	}

	/** Token rows read (the key checker and other background work load other entities meanwhile). */
	private long tokensLoadedDuring(Runnable action) {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		try {
			statistics.clear();
			action.run();
			return statistics.getEntityStatistics(IssuedToken.class.getName()).getLoadCount();
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
	}

	@Autowired
	private EntityManagerFactory entityManagerFactory;

}

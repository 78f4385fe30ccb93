package dev.oauthplatform.auth.session;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.AuthServerApplication;
import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.Jwts;
import dev.oauthplatform.auth.support.Pkce;
import dev.oauthplatform.auth.support.SecretsSeen;
import dev.oauthplatform.auth.user.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of auth-server on one database share their browser sessions: a restart keeps a
 * browser signed in, and an RP-initiated logout on one instance finds the session signed in on
 * another (by the ID token's {@code sid}).
 */
class SessionAcrossInstancesTest {

	private static final String PASSWORD = "correct horse battery staple";

	private static final String REDIRECT = "https://app.example.test/callback";

	/** application-test.yml's bootstrap admin and console. */
	private static final RegisteredCredentials CONSOLE = new RegisteredCredentials("admin-console",
			"admin-console-test-secret");

	private static final String CONSOLE_REDIRECT = "http://localhost:8080/login/oauth2/code/admin-console";

	private static final String AFTER_LOGOUT = "http://localhost:8080/";

	@TempDir
	Path dataDir;

	private final String schema = "sessions_" + UUID.randomUUID().toString().replace("-", "");

	private final int previousPort = RestAssured.port;

	@AfterEach
	void restoreRestAssured() {
		RestAssured.port = this.previousPort;
	}

	@Test
	void aSignedInBrowserStaysSignedInAcrossARestart() {
		RegisteredCredentials client;
		BrowserFlow browser;
		try (ConfigurableApplicationContext first = start()) {
			client = first.getBean(ClientRegistrar.class)
				.register(NewClient.of(null, "web", ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true));
			String username = "restart-" + UUID.randomUUID();
			first.getBean(UserAccounts.class).create(username, PASSWORD, null, Set.of("USER"));
			SecretsSeen.add(PASSWORD);
			SecretsSeen.add(client.clientSecret());
			browser = new BrowserFlow(baseUrl(first));
			Response afterSignIn = browser.signIn(
					browser.authorize(CodeFlow.request(client, REDIRECT, Pkce.create(), "openid")), username, PASSWORD);
			assertThat(afterSignIn.header("Location")).startsWith(REDIRECT + "?code=");
		}

		try (ConfigurableApplicationContext second = start()) {
			Response again = browser.browser()
				.queryParams(CodeFlow.request(client, REDIRECT, Pkce.create(), "openid"))
				.queryParam("prompt", "none")
				.get(baseUrl(second) + "/oauth2/authorize");
			assertThat(again.header("Location")).startsWith(REDIRECT + "?code=");
		}
	}

	@Test
	void aSignOutOnAnotherInstanceEndsTheSessionSignedInOnTheFirst() {
		try (ConfigurableApplicationContext one = start(); ConfigurableApplicationContext other = start()) {
			BrowserFlow browser = new BrowserFlow(baseUrl(one));
			Pkce pkce = Pkce.create();
			Response redirect = browser.signIn(
					browser.authorize(CodeFlow.request(CONSOLE, CONSOLE_REDIRECT, pkce, "openid profile admin")),
					"admin", "admin");
			RestAssured.port = port(one);
			String idToken = CodeFlow
				.exchange(CONSOLE, BrowserFlow.redirectParameters(redirect).get("code"), CONSOLE_REDIRECT,
						pkce.verifier())
				.then()
				.statusCode(200)
				.extract()
				.path("id_token");
			assertThat(Jwts.claims(idToken)).containsKey("sid");

			// cookies ignore ports: the browser sends its session cookie to the other instance too
			Response logout = browser.browser()
				.queryParams(Map.of("id_token_hint", idToken, "post_logout_redirect_uri", AFTER_LOGOUT, "state", "s-2"))
				.get(baseUrl(other) + "/connect/logout");
			assertThat(logout.header("Location")).endsWith("/signout");
			Response confirmation = browser.follow(logout);
			assertThat(confirmation.asString()).contains("Sign out?");
			Response signedOut = browser.submit(confirmation, baseUrl(other) + "/signout");
			assertThat(signedOut.header("Location")).isEqualTo(AFTER_LOGOUT + "?state=s-2");

			Response again = browser.authorize(CodeFlow.request(CONSOLE, CONSOLE_REDIRECT, Pkce.create(), "openid admin"));
			assertThat(again.header("Location")).endsWith("/login");
		}
	}

	/**
	 * A fresh instance on this test's database: an H2 file, or under the postgres profile a schema of
	 * its own, which no other test or process on the same PostgreSQL migrates, drops or fills with
	 * keys encrypted under another secret.
	 */
	private ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--auth.data-dir=" + this.dataDir));
		if (postgres()) {
			arguments.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + this.schema);
			arguments.add("--spring.flyway.schemas=" + this.schema);
			arguments.add("--auth.issuer=http://localhost:9000");
		}
		else {
			arguments.add("--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("auth-server"));
		}
		return new SpringApplicationBuilder(AuthServerApplication.class).run(arguments.toArray(String[]::new));
	}

	@AfterEach
	void dropThePostgresSchema() throws SQLException {
		if (postgres()) {
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
					"postgres", "")) {
				connection.createStatement().execute("drop schema if exists " + this.schema + " cascade");
			}
		}
	}

	private static boolean postgres() {
		return System.getProperty("spring.profiles.active", "").contains("postgres");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://localhost:" + port(context);
	}

}

package dev.oauthplatform.auth.token;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;

import dev.oauthplatform.auth.AuthServerApplication;
import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.user.UserAccounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Two runs of the server on one database: what the first issued, the second honours. */
class RestartTest {

	private static final String PASSWORD = "correct horse battery staple";

	@TempDir
	Path dataDir;

	@Test
	void aRestartKeepsClientsUsersKeysAndLiveTokensValid() {
		RegisteredCredentials cli;
		RegisteredCredentials m2m;
		String accessToken;
		String refreshToken;
		List<String> kids;
		String username = "restart-" + System.nanoTime();
		try (ConfigurableApplicationContext first = start()) {
			cli = first.getBean(ClientRegistrar.class)
				.register(NewClient.of(null, "cli", ClientType.CLI, Set.of(), Set.of("notes.read"), true));
			m2m = first.getBean(ClientRegistrar.class)
				.register(NewClient.of(null, "m2m", ClientType.M2M, Set.of(), Set.of("notes.read"), true)
					.asResourceServer());
			first.getBean(UserAccounts.class).create(username, PASSWORD, null, Set.of("USER"));
			RestAssured.port = port(first);
			var tokens = given().formParam("grant_type", "password")
				.formParam("client_id", cli.clientId())
				.formParam("username", username)
				.formParam("password", PASSWORD)
				.post("/oauth2/token");
			accessToken = tokens.path("access_token");
			refreshToken = tokens.path("refresh_token");
			kids = given().get("/oauth2/jwks").path("keys.kid");
		}

		try (ConfigurableApplicationContext second = start()) {
			RestAssured.port = port(second);
			assertThat(given().get("/oauth2/jwks").<List<String>>path("keys.kid")).containsExactlyInAnyOrderElementsOf(kids);
			given().auth().preemptive().basic(m2m.clientId(), m2m.clientSecret())
				.formParam("token", accessToken)
				.post("/oauth2/introspect")
				.then()
				.body("active", equalTo(true));
			given().formParam("grant_type", "refresh_token")
				.formParam("client_id", cli.clientId())
				.formParam("refresh_token", refreshToken)
				.post("/oauth2/token")
				.then()
				.statusCode(200);
			given().auth().preemptive().basic(m2m.clientId(), m2m.clientSecret())
				.formParam("grant_type", "client_credentials")
				.post("/oauth2/token")
				.then()
				.statusCode(200);
		}
	}

	private ConfigurableApplicationContext start() {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(AuthServerApplication.class);
		String database = "--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("auth-server");
		boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
		return builder.run("--server.port=0", "--management.server.port=0", "--auth.data-dir=" + this.dataDir,
				postgres ? "--auth.issuer=http://localhost:9000" : database);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}

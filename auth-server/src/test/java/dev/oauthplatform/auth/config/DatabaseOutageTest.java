package dev.oauthplatform.auth.config;

import java.time.Duration;
import java.util.Set;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.DatabasePlug;
import dev.oauthplatform.auth.support.Instances;
import dev.oauthplatform.auth.support.SecretsSeen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * PostgreSQL out of reach: the server reaches it through a relay whose plug the test pulls (every
 * connection cut, new ones refused: the pool's and the change listener's alike). Requests answer
 * 503 {@code temporarily_unavailable} with Retry-After, within the pool's connection timeout;
 * plugged in again, the pool reconnects by itself and the same request succeeds.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class DatabaseOutageTest {

	@Test
	void whileTheDatabaseIsUnreachableRequestsAnswer503AndServiceResumesWhenItIsBack() throws Exception {
		String database = Instances.freshDatabase();
		try (DatabasePlug plug = new DatabasePlug("127.0.0.1", 5432);
				ConfigurableApplicationContext instance = Instances.startAt(database,
						"jdbc:postgresql://127.0.0.1:" + plug.port() + "/test?currentSchema=" + database)) {
			int port = Instances.port(instance);
			RegisteredCredentials client = instance.getBean(ClientRegistrar.class)
				.register(NewClient.of(null, "outage", ClientType.M2M, Set.of(), Set.of(), true));
			SecretsSeen.add(client.clientSecret());
			assertThat(token(port, client).statusCode()).isEqualTo(200);

			plug.pull();

			long started = System.nanoTime();
			token(port, client).then()
				.statusCode(503)
				.header("Retry-After", "5")
				.header("Cache-Control", "no-store")
				.header("X-Request-Id", matchesPattern("[A-Za-z0-9_-]{22}"))
				.body("error", equalTo("temporarily_unavailable"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fails fast").isLessThan(Duration.ofSeconds(8));
			// a browser sent to authorize by a client not cached: the lookup needs the database
			on(port).accept("text/html")
				.queryParam("response_type", "code")
				.queryParam("client_id", "not-cached")
				.queryParam("redirect_uri", "https://app.example/callback")
				.get("/oauth2/authorize")
				.then()
				.statusCode(503)
				.header("Retry-After", "5")
				.header("X-Request-Id", matchesPattern("[A-Za-z0-9_-]{22}"))
				.body(containsString("Temporarily unavailable"));

			plug.plugIn();

			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			int status = token(port, client).statusCode();
			while (status != 200 && System.nanoTime() < deadline) {
				Thread.sleep(200);
				status = token(port, client).statusCode();
			}
			assertThat(status).as("after the database is back").isEqualTo(200);
		}
		finally {
			Instances.drop(database);
		}
	}

	private static Response token(int port, RegisteredCredentials client) {
		return on(port).auth()
			.preemptive()
			.basic(client.clientId(), client.clientSecret())
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token");
	}

	private static RequestSpecification on(int port) {
		return given().baseUri("http://localhost").port(port);
	}

}

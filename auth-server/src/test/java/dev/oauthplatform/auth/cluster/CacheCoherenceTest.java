package dev.oauthplatform.auth.cluster;

import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import com.nimbusds.jose.jwk.JWKSet;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.Instances;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.SecretsSeen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL schema: a change made through one is in force on the other
 * within a second (LISTEN/NOTIFY), not after the caches' 30 s lifetime.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class CacheCoherenceTest {

	private static final Duration BOUND = Duration.ofSeconds(1);

	private static final String DATABASE = Instances.freshDatabase();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	/** Keys are re-read every hour only: what B learns within the bound, it learns from A's announcement. */
	@BeforeAll
	static void startTwoInstances() {
		a = Instances.start(DATABASE, "--auth.keys.check-interval=1h");
		b = Instances.start(DATABASE, "--auth.keys.check-interval=1h");
		assertThat(a.getBean(ClusterEvents.class).listening()).isTrue();
		assertThat(b.getBean(ClusterEvents.class).listening()).isTrue();
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
		Instances.drop(DATABASE);
	}

	@Test
	void aClientDisabledThroughOneInstanceIsRefusedByTheOtherWithinASecond() throws Exception {
		RegisteredCredentials client = m2mClient();
		assertThat(tokenStatus(b, client)).as("B has the client cached").isEqualTo(200);

		Map<String, Object> current = admin(a).get("/admin/api/clients/{id}", client.clientId()).then().extract().path("");
		admin(a).body(Json.of(Json.with(current, Map.of("enabled", false))))
			.put("/admin/api/clients/{id}", client.clientId())
			.then()
			.statusCode(200);

		assertWithinBound(() -> tokenStatus(b, client), 401);
	}

	@Test
	void aSecretRotatedWithoutGraceThroughOneInstanceStopsWorkingOnTheOtherWithinASecond() throws Exception {
		RegisteredCredentials client = m2mClient();
		assertThat(tokenStatus(b, client)).isEqualTo(200);

		String newSecret = admin(a).post("/admin/api/clients/{id}/secret", client.clientId())
			.then()
			.statusCode(200)
			.extract()
			.path("client_secret");
		SecretsSeen.add(newSecret);

		assertWithinBound(() -> tokenStatus(b, client), 401);
		assertThat(tokenStatus(b, new RegisteredCredentials(client.clientId(), newSecret))).isEqualTo(200);
	}

	@Test
	void anEmergencyKeyRotationThroughOneInstanceShowsInTheOthersJwksWithinASecond() throws Exception {
		assertThat(jwks(b).getKeys()).isNotEmpty();

		String kid = admin(a).body(Json.of(Map.of("algorithm", "ES256", "emergency", true)))
			.post("/admin/api/keys/rotate")
			.then()
			.statusCode(202)
			.extract()
			.path("[0].kid");

		assertWithinBound(() -> (jwks(b).getKeyByKeyId(kid) != null) ? 1 : 0, 1);
	}

	private static void assertWithinBound(IntSupplier probe, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + BOUND.toNanos();
		int last = probe.getAsInt();
		while (last != expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
			last = probe.getAsInt();
		}
		assertThat(last).as("within %s", BOUND).isEqualTo(expected);
	}

	private static RegisteredCredentials m2mClient() {
		RegisteredCredentials client = a.getBean(ClientRegistrar.class)
			.register(NewClient.of(null, "coherence", ClientType.M2M, Set.of(), Set.of(), true));
		SecretsSeen.add(client.clientSecret());
		return client;
	}

	private static int tokenStatus(ConfigurableApplicationContext instance, RegisteredCredentials client) {
		return on(instance).auth()
			.preemptive()
			.basic(client.clientId(), client.clientSecret())
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.statusCode();
	}

	private static JWKSet jwks(ConfigurableApplicationContext instance) {
		try {
			return JWKSet.parse(on(instance).get("/oauth2/jwks").asString());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RequestSpecification admin(ConfigurableApplicationContext instance) {
		String token = on(instance).formParam("client_id", "admin-cli")
			.formParam("grant_type", "password")
			.formParam("username", "admin")
			.formParam("password", "admin")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
		return on(instance).auth().oauth2(token).contentType("application/json");
	}

	static RequestSpecification on(ConfigurableApplicationContext instance) {
		return given().baseUri("http://localhost").port(Instances.port(instance));
	}

}

package dev.oauthplatform.auth.cluster;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.Instances;
import dev.oauthplatform.auth.support.SecretsSeen;

import static dev.oauthplatform.auth.cluster.CacheCoherenceTest.on;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping with a drain delay: readiness answers 503 at once, so a load balancer takes the
 * instance out, while requests still get served until the delay is over.
 */
class DrainTest {

	@Test
	void duringTheDrainReadinessRefusesWhileATokenRequestIsStillServed() throws Exception {
		String database = Instances.freshDatabase();
		ConfigurableApplicationContext instance = Instances.start(database, "--auth.shutdown.drain-delay=2s");
		RegisteredCredentials client = instance.getBean(ClientRegistrar.class)
			.register(NewClient.of(null, "drain", ClientType.M2M, Set.of(), Set.of(), true));
		SecretsSeen.add(client.clientSecret());
		assertThat(readiness(instance)).isEqualTo(200);

		CompletableFuture<Void> closing = CompletableFuture.runAsync(instance::close);
		try {
			long deadline = System.nanoTime() + 1_500_000_000L;
			int readiness = readiness(instance);
			while (readiness != 503 && System.nanoTime() < deadline) {
				Thread.sleep(20);
				readiness = readiness(instance);
			}
			assertThat(readiness).as("readiness while draining").isEqualTo(503);
			assertThat(on(instance).auth()
				.preemptive()
				.basic(client.clientId(), client.clientSecret())
				.formParam("grant_type", "client_credentials")
				.post("/oauth2/token")
				.statusCode()).as("a token request while draining").isEqualTo(200);
			assertThat(closing).isNotDone();
		}
		finally {
			closing.join();
			Instances.drop(database);
		}
	}

	@Test
	void anInstanceStoppedAndStartedAgainIsReadyAgain() {
		String database = Instances.freshDatabase();
		try (ConfigurableApplicationContext instance = Instances.start(database)) {
			// what Spring's test framework does to a cached context another test class is not using:
			// its web servers stop and start again (on new ports when they were random)
			instance.stop();
			instance.start();
			assertThat(readiness(instance)).as("readiness once started again").isEqualTo(200);
		}
		finally {
			Instances.drop(database);
		}
	}

	private static int readiness(ConfigurableApplicationContext instance) {
		return given().baseUri("http://localhost")
			.port(Instances.managementPort(instance))
			.get("/actuator/health/readiness")
			.statusCode();
	}

}

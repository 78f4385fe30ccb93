package dev.oauthplatform.system.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Cluster;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** A graceful stop (SIGTERM: a deployment, a scale-in) of one instance under load. */
@Tag("cluster")
@Order(8)
class InstanceStopTest {

	/** The measured figures, for whoever reads the build log. */
	private static final Logger logger = LoggerFactory.getLogger(InstanceStopTest.class);


	private static Admin admin;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		admin = Cluster.admin(Cluster.BALANCER);
	}

	private static final String B = Cluster.instance(2);

	@AfterAll
	static void startItAgain() {
		Cluster.startInstance(2);
	}

	/**
	 * Pass: with client_credentials and refresh traffic through HAProxy, a SIGTERM to instance 2
	 * fails no request at all, and every refresh chain goes on refreshing; and instance 2 drains:
	 * after the SIGTERM it answers its readiness probe with 503 while it still issues tokens to a
	 * client calling it directly (AUTH_SHUTDOWN_DRAIN_DELAY=3s, longer than HAProxy's 2 failed
	 * checks 1 s apart, so HAProxy has stopped sending it requests before it stops).
	 */
	@Test
	void aSigtermUnderLoadFailsNoRequest() {
		Flows.Client machine = Flows.registerMachine(admin);
		Flows.Client cli = Flows.registerCli(admin);
		String user = admin.createUser(Flows.PASSWORD);
		List<String> chains = new ArrayList<>();
		for (int n = 0; n < 2; n++) {
			chains.add(Flows.refreshToken(Flows.passwordGrant(Cluster.BALANCER, cli, user, Flows.PASSWORD, null)));
		}

		Load load = new Load(Cluster.BALANCER, machine, 2, cli, chains, false);
		Load.sleep(1500);
		long stoppedAt = load.now();
		AtomicBoolean stopping = new AtomicBoolean(true);
		AtomicBoolean drained = new AtomicBoolean();
		Thread watcher = new Thread(() -> {
			while (stopping.get()) {
				try {
					if (!Cluster.ready(2) && Flows.clientCredentials(B, machine).statusCode() == 200) {
						drained.set(true);
					}
				}
				catch (RuntimeException ex) {
					// stopped: the connection is refused
				}
				Load.sleep(100);
			}
		});
		watcher.start();
		Cluster.stopInstance(2);
		long exitedAt = load.now();
		stopping.set(false);
		Load.sleep(1000);
		load.close();
		joinQuietly(watcher);

		logger.info(String.format("SIGTERM at %d ms, exited at %d ms: %d requests succeeded, failures %s", stoppedAt,
				exitedAt, load.succeeded(), load.failures()));
		assertThat(load.succeeded()).isGreaterThan(20);
		assertThat(load.failures()).as("failed requests").isEmpty();
		assertThat(drained.get()).as("instance 2 served a token while reporting not ready, after the SIGTERM")
			.isTrue();
		for (String token : load.certainChains()) {
			Response refreshed = Flows.refresh(Cluster.BALANCER, cli, token);
			assertThat(refreshed.statusCode()).as("refresh after the stop: %s", refreshed.asString()).isEqualTo(200);
		}
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

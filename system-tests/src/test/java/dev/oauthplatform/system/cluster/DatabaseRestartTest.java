package dev.oauthplatform.system.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Cluster;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL restarted under load: the instances ride it out without a restart of their own. */
@Tag("cluster")
@Order(9)
class DatabaseRestartTest {

	/** The measured figures, for whoever reads the build log. */
	private static final Logger logger = LoggerFactory.getLogger(DatabaseRestartTest.class);


	/** "A few seconds": from the first failed request to the last. */
	private static final long OUTAGE_BOUND_MILLIS = 10_000;

	private static Admin admin;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		admin = Cluster.admin(Cluster.BALANCER);
	}

	/**
	 * Pass: with client_credentials and refresh traffic through HAProxy, a restart of PostgreSQL
	 * ({@code pg_ctlcluster ... main restart}) costs at most 10 s of failed requests, each a 503
	 * (never a 500 nor a dropped connection); both instances then serve refreshes again directly
	 * (no restart of theirs); and no authorization is half-written: each chain's refresh that
	 * failed during the outage is sent again with the same token and succeeds, as does every
	 * refresh token issued before the restart.
	 */
	@Test
	void aDatabaseRestartUnderLoadCostsAFewSecondsOf503ThenBothInstancesRecover() {
		Flows.Client machine = Flows.registerMachine(admin);
		Flows.Client cli = Flows.registerCli(admin);
		String user = admin.createUser(Flows.PASSWORD);
		List<String> chains = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		for (int n = 0; n < 2; n++) {
			chains.add(Flows.refreshToken(Flows.passwordGrant(Cluster.BALANCER, cli, user, Flows.PASSWORD, null)));
			kept.add(Flows.refreshToken(Flows.passwordGrant(Cluster.BALANCER, cli, user, Flows.PASSWORD, null)));
		}

		List<ProcessHandle> instances = List.of(Cluster.process(1).orElseThrow(), Cluster.process(2).orElseThrow());
		Load load = new Load(Cluster.BALANCER, machine, 2, cli, chains, true);
		Load.sleep(1500);
		long restartAt = load.now();
		Cluster.restartPostgres();
		long backAt = load.now();
		long recoveredAt = -1;
		while (load.now() - backAt < 30_000) {
			if (Flows.passwordGrant(Cluster.instance(1), cli, user, Flows.PASSWORD, null).statusCode() == 200
					&& Flows.passwordGrant(Cluster.instance(2), cli, user, Flows.PASSWORD, null).statusCode() == 200) {
				recoveredAt = load.now();
				break;
			}
			Load.sleep(200);
		}
		Load.sleep(1000);
		load.close();

		List<Load.Failure> failures = load.failures();
		logger.info(String.format("PostgreSQL restart at %d ms, back at %d ms, both instances serving at %d ms: "
				+ "%d requests succeeded, failures %s", restartAt, backAt, recoveredAt, load.succeeded(), failures));
		assertThat(recoveredAt).as("both instances serve the password grant within 30 s of PostgreSQL's restart")
			.isPositive();
		assertThat(List.of(Cluster.process(1), Cluster.process(2))).as("the same two processes, never restarted")
			.containsExactly(Optional.of(instances.get(0)), Optional.of(instances.get(1)));
		assertThat(failures).as("failed requests during the outage").allSatisfy((failure) ->
				assertThat(failure.outcome()).startsWith("503"));
		if (!failures.isEmpty()) {
			long span = failures.get(failures.size() - 1).atMillis() - failures.get(0).atMillis();
			assertThat(span).as("milliseconds of failed requests").isLessThanOrEqualTo(OUTAGE_BOUND_MILLIS);
		}
		assertThat(load.uncertainChains()).as("chains broken by the outage (a half-written rotation)").isZero();
		List<String> issuedBefore = new ArrayList<>(kept);
		issuedBefore.addAll(load.certainChains());
		for (String token : issuedBefore) {
			Response refreshed = Flows.refresh(Cluster.BALANCER, cli, token);
			assertThat(refreshed.statusCode()).as("after the restart: %s", refreshed.asString()).isEqualTo(200);
		}
	}

}

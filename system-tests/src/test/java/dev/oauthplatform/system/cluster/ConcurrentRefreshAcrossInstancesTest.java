package dev.oauthplatform.system.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Cluster;

import static org.assertj.core.api.Assertions.assertThat;

/** One refresh token presented twice at the same moment, once to each instance. */
@Tag("cluster")
@Order(6)
class ConcurrentRefreshAcrossInstancesTest {

	private static final int ROUNDS = 10;

	private static Admin admin;

	private static Flows.Client cli;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		admin = Cluster.admin(Cluster.BALANCER);
		cli = Flows.registerCli(admin);
	}

	/**
	 * Pass: in each of 10 rounds, of two simultaneous refreshes of one token, one on A and one on B,
	 * exactly one gets new tokens (200) and the other {@code invalid_grant} (400).
	 */
	@Test
	void twoConcurrentRefreshesOfOneTokenOnTwoInstancesExactlyOneWins() throws Exception {
		String user = admin.createUser(Flows.PASSWORD);
		for (int round = 1; round <= ROUNDS; round++) {
			String token = Flows.refreshToken(Flows.passwordGrant(Cluster.BALANCER, cli, user, Flows.PASSWORD, null));
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<Response>> both = new ArrayList<>();
			for (int n = 1; n <= 2; n++) {
				String server = Cluster.instance(n);
				both.add(CompletableFuture.supplyAsync(() -> {
					await(go);
					return Flows.refresh(server, cli, token);
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<Response> answer : both) {
				Response response = answer.get();
				statuses.add(response.statusCode());
				if (response.statusCode() == 400) {
					assertThat((String) response.path("error")).isEqualTo("invalid_grant");
				}
			}
			assertThat(statuses).as("round %d: instance 1 then instance 2", round).containsExactlyInAnyOrder(200, 400);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

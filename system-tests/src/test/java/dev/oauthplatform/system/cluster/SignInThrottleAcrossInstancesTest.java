package dev.oauthplatform.system.cluster;

import java.util.UUID;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Cluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle counts in the database: failures sent to either instance count together,
 * and an admin's clear on one instance holds on the other. The requests go to the instances
 * directly from a documentation address (X-Forwarded-For, trusted from loopback as from the
 * balancer), so that no other test's sign-ins count with these.
 */
@Tag("cluster")
@Order(5)
class SignInThrottleAcrossInstancesTest {

	/** auth.login-throttle.max-failures: for one username at one address. */
	private static final int MAX_FAILURES = 5;

	private static final String A = Cluster.instance(1);

	private static final String B = Cluster.instance(2);

	private static Admin admin;

	private static Flows.Client cli;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		admin = Cluster.admin(Cluster.BALANCER);
		cli = Flows.registerCli(admin);
	}

	/**
	 * Pass: 5 wrong passwords for one user from one address, alternately on A and B, block the user
	 * there: the right password is then refused on both ("Too many failed sign-in attempts"); a
	 * DELETE /admin/api/login-throttle?username= on B lets the right password in on A.
	 */
	@Test
	void failuresSplitAcrossTheInstancesThrottleTogetherAndAClearOnBUnblocksOnA() {
		String user = admin.createUser(Flows.PASSWORD);
		String address = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
		for (int failure = 0; failure < MAX_FAILURES; failure++) {
			String server = (failure % 2 == 0) ? A : B;
			Response wrong = Flows.passwordGrant(server, cli, user, "wrong-password-" + failure, address);
			assertThat(wrong.statusCode()).as("failure %d on %s", failure + 1, server).isEqualTo(400);
		}

		for (String server : new String[] { A, B }) {
			Response refused = Flows.passwordGrant(server, cli, user, Flows.PASSWORD, address);
			assertThat(refused.statusCode()).as("the right password on %s after 5 failures", server).isEqualTo(400);
			assertThat((String) refused.path("error_description")).contains("Too many failed sign-in attempts");
		}

		Cluster.admin(B).api().queryParam("username", user).delete("/admin/api/login-throttle").then().statusCode(204);

		Response allowed = Flows.passwordGrant(A, cli, user, Flows.PASSWORD, address);
		assertThat(allowed.statusCode()).as("on A after the clear on B: %s", allowed.asString()).isEqualTo(200);
	}

}

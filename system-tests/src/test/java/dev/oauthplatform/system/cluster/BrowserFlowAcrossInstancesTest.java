package dev.oauthplatform.system.cluster;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Browser;
import dev.oauthplatform.system.support.Cluster;

/**
 * A user's code flow where no two consecutive requests meet the same instance: any instance
 * continues what another began (the sign-in in progress, the CSRF token, the consent), since
 * nothing of it is kept in one instance's memory.
 */
@Tag("cluster")
@Order(2)
class BrowserFlowAcrossInstancesTest {

	private static final int FLOWS_THROUGH_THE_BALANCER = 50;

	private static Admin admin;

	private static Flows.Client app;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		admin = Cluster.admin(Cluster.BALANCER);
		app = Flows.registerWebApp(admin);
	}

	/**
	 * Pass: authorize, sign-in form (GET, then POST), consent (GET, then POST), code exchange,
	 * refresh, introspection, revocation and the checks after it all succeed with every request on
	 * the other instance than the one before (9001, 9002, 9001, ...), and the authorization
	 * response and tokens carry the one issuer, http://localhost:9000.
	 */
	@Test
	void aCodeFlowWhoseStepsAlternateBetweenTheInstancesSucceedsStepByStep() {
		String user = admin.createUser(Flows.PASSWORD);
		Browser browser = new Browser(List.of(Cluster.instance(1), Cluster.instance(2)), Cluster.ISSUER);

		Flows.wholeFlow(browser, app, user);
	}

	/**
	 * Pass: the same flow, 50 times, each time a new browser and user, through HAProxy (round robin,
	 * no stickiness), with no failed step.
	 */
	@Test
	void fiftyCodeFlowsThroughTheBalancerWithoutStickinessAllSucceed() {
		for (int flow = 1; flow <= FLOWS_THROUGH_THE_BALANCER; flow++) {
			String user = admin.createUser(Flows.PASSWORD);
			try {
				Flows.wholeFlow(new Browser(List.of(Cluster.BALANCER), Cluster.ISSUER), app, user);
			}
			catch (AssertionError ex) {
				throw new AssertionError("flow " + flow + " of " + FLOWS_THROUGH_THE_BALANCER + ": " + ex.getMessage(), ex);
			}
		}
	}

}

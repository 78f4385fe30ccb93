package dev.oauthplatform.system.cluster;

import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Browser;
import dev.oauthplatform.system.support.Cluster;
import dev.oauthplatform.system.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect RP-initiated logout sent to another instance than the one the user signed in on.
 */
@Tag("cluster")
@Order(3)
class SignOutAcrossInstancesTest {

	private static Admin admin;

	private static Flows.Client app;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		admin = Cluster.admin(Cluster.BALANCER);
		app = Flows.registerWebApp(admin);
	}

	/**
	 * Pass: a session created on instance A (9001) is recognised by instance B (9002) at
	 * {@code /connect/logout}: B asks for confirmation (302 to /signout, a form), the confirmation on
	 * B returns to the registered post-logout URI with the state, and afterwards A has no session
	 * either ({@code prompt=none} on A answers {@code login_required}).
	 */
	@Test
	void aLogoutConfirmedOnInstanceBEndsTheSessionCreatedOnInstanceA() {
		String user = admin.createUser(Flows.PASSWORD);
		Browser onA = new Browser(List.of(Cluster.instance(1)), Cluster.ISSUER);
		Pkce pkce = Pkce.create();
		String code = Flows.signIn(onA, app, user, pkce);
		Response tokens = Flows.exchange(Cluster.instance(1), app, code, pkce);
		String idToken = tokens.then().statusCode(200).extract().path("id_token");

		Browser onB = onA.on(List.of(Cluster.instance(2)));
		Response logout = onB.get("/connect/logout",
				Map.of("id_token_hint", idToken, "post_logout_redirect_uri", Flows.AFTER_LOGOUT, "state", "s-1"));
		assertThat(logout.statusCode()).as("logout on B: %s", logout.asString()).isEqualTo(302);
		assertThat(logout.header("Location")).as("B asks the user to confirm: it knows the session A made")
			.endsWith("/signout");
		Response confirmation = onB.get(logout.header("Location"));
		assertThat(confirmation.statusCode()).isEqualTo(200);
		Response signedOut = onB.submit(confirmation, "/signout");
		assertThat(signedOut.header("Location")).isEqualTo(Flows.AFTER_LOGOUT + "?state=s-1");

		Map<String, String> parameters = Flows.authorizeParameters(app, Pkce.create(), "s-2");
		parameters.put("prompt", "none");
		Map<String, String> silent = onA.on(List.of(Cluster.instance(1))).authorize(parameters, user, Flows.PASSWORD, List.of());
		assertThat(silent).as("prompt=none on A after the logout on B").containsEntry("error", "login_required");
	}

}

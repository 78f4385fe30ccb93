package dev.oauthplatform.system.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Cluster;
import dev.oauthplatform.system.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's change made on instance A (9001) holds on instance B (9002) within a second, though B
 * had the client (or the keys) cached from just before; so does a client's revocation of its token. Each test polls B every 50 ms from the moment
 * A answered the change, and asserts the bound.
 */
@Tag("cluster")
@Order(4)
class AdminChangesReachEveryInstanceTest {

	private static final Duration BOUND = Duration.ofSeconds(1);

	private static final String A = Cluster.instance(1);

	private static final String B = Cluster.instance(2);

	private static Admin adminOnA;

	@BeforeAll
	static void cluster() {
		Cluster.up();
		adminOnA = Cluster.admin(A);
	}

	/** Pass: after A disables a client, B refuses its client_credentials request (401) within 1 s. */
	@Test
	void aClientDisabledOnAIsRefusedOnBWithinOneSecond() {
		Flows.Client machine = Flows.registerMachine(adminOnA);
		assertThat(Flows.clientCredentials(B, machine).statusCode()).as("B knows (and caches) the client").isEqualTo(200);

		adminOnA.api()
			.body("{\"client_name\":\"disabled\",\"client_type\":\"m2m\",\"scope\":\"notes.read\",\"enabled\":false}")
			.put("/admin/api/clients/" + machine.id())
			.then()
			.statusCode(200);

		Duration took = within(() -> Flows.clientCredentials(B, machine).statusCode() == 401);
		assertThat(took).as("time until B refused the disabled client").isLessThanOrEqualTo(BOUND);
	}

	/**
	 * Pass: after A rotates a client's secret with no grace period, B refuses the old secret (401)
	 * within 1 s, and takes the new one.
	 */
	@Test
	void aSecretRotatedOnAWithoutGraceIsRefusedOnBWithinOneSecond() {
		Flows.Client machine = Flows.registerMachine(adminOnA);
		assertThat(Flows.clientCredentials(B, machine).statusCode()).isEqualTo(200);

		String newSecret = adminOnA.api()
			.body("{\"grace_period_seconds\":0}")
			.post("/admin/api/clients/" + machine.id() + "/secret")
			.then()
			.statusCode(200)
			.extract()
			.path("client_secret");

		Duration took = within(() -> Flows.clientCredentials(B, machine).statusCode() == 401);
		assertThat(took).as("time until B refused the old secret").isLessThanOrEqualTo(BOUND);
		assertThat(Flows.clientCredentials(B, new Flows.Client(machine.id(), newSecret)).statusCode()).isEqualTo(200);
	}

	/** Pass: after A deletes a client, B refuses its client_credentials request (401) within 1 s. */
	@Test
	void aClientDeletedOnAIsRefusedOnBWithinOneSecond() {
		Flows.Client machine = Flows.registerMachine(adminOnA);
		assertThat(Flows.clientCredentials(B, machine).statusCode()).as("B knows (and caches) the client").isEqualTo(200);

		adminOnA.api().delete("/admin/api/clients/" + machine.id()).then().statusCode(204);

		Duration took = within(() -> Flows.clientCredentials(B, machine).statusCode() == 401);
		assertThat(took).as("time until B refused the deleted client").isLessThanOrEqualTo(BOUND);
	}

	/**
	 * Pass: after A replaces a web app's redirect URI, B's authorization endpoint refuses the old
	 * one (400, no redirect to it) within 1 s, and sends a browser on with the new one.
	 */
	@Test
	void aRedirectUriRemovedOnAIsRefusedOnBWithinOneSecond() {
		Flows.Client app = Flows.registerWebApp(adminOnA);
		assertThat(toSignIn(authorize(B, app, Flows.REDIRECT_URI))).as("B knows (and caches) the client").isTrue();
		String moved = "http://localhost:3000/cluster/moved-callback";

		adminOnA.api()
			.body("{\"client_name\":\"moved\",\"client_type\":\"web\",\"first_party\":false,"
					+ "\"redirect_uris\":[\"" + moved + "\"],\"scope\":\"openid profile notes.read\"}")
			.put("/admin/api/clients/" + app.id())
			.then()
			.statusCode(200);

		Duration took = within(() -> authorize(B, app, Flows.REDIRECT_URI).statusCode() == 400);
		assertThat(took).as("time until B refused the old redirect URI").isLessThanOrEqualTo(BOUND);
		assertThat(toSignIn(authorize(B, app, moved))).as("the new one: on to sign-in").isTrue();
	}

	/**
	 * Pass: after an emergency key rotation on A, both instances publish the same JWKS, without any
	 * key from before, within 1 s.
	 */
	@Test
	void anEmergencyKeyRotationOnAIsPublishedIdenticallyByBothWithinOneSecond() {
		String before = jwks(B);
		assertThat(jwks(A)).isEqualTo(before);

		adminOnA.api().body("{\"emergency\":true}").post("/admin/api/keys/rotate").then().statusCode(202);

		String afterOnA = jwks(A);
		assertThat(afterOnA).as("A publishes the new keys at once").isNotEqualTo(before);
		Duration took = within(() -> jwks(B).equals(jwks(A)));
		assertThat(took).as("time until B published the same keys as A").isLessThanOrEqualTo(BOUND);
		assertThat(kids(jwks(B))).as("no key from before the emergency rotation").doesNotContainAnyElementsOf(kids(before));
	}

	/**
	 * Pass: a client_credentials token B has introspected (and so remembers as verified) is
	 * inactive on B within 1 s after its client revoked it on A: the deny list B answers from
	 * memory hears the revocation.
	 */
	@Test
	void aTokenRevokedOnAIsInactiveOnBWithinOneSecond() {
		Flows.Client machine = Flows.registerMachine(adminOnA);
		String token = Flows.clientCredentials(A, machine).then().statusCode(200).extract().path("access_token");
		assertThat(active(B, machine, token)).as("B knows the token").isTrue();

		Flows.revoke(A, machine, token).then().statusCode(200);

		Duration took = within(() -> !active(B, machine, token));
		assertThat(took).as("time until B answered inactive").isLessThanOrEqualTo(BOUND);
		assertThat(active(A, machine, token)).isFalse();
	}

	private static boolean active(String server, Flows.Client client, String token) {
		return Flows.introspect(server, client, token).then().statusCode(200).extract().path("active");
	}

	private static List<String> kids(String jwks) {
		return JsonPath.from(jwks).getList("keys.kid", String.class);
	}

	/** A browser without a session sent on to the sign-in page, not back to the client with an error. */
	private static boolean toSignIn(Response response) {
		return response.statusCode() == 302 && response.header("Location").endsWith("/login");
	}

	private static Response authorize(String server, Flows.Client client, String redirectUri) {
		Map<String, String> parameters = Flows.authorizeParameters(client, Pkce.create(), "cache");
		parameters.put("redirect_uri", redirectUri);
		return Flows.http().queryParams(parameters).get(server + "/oauth2/authorize");
	}

	private static String jwks(String server) {
		return given().get(server + "/oauth2/jwks").then().statusCode(200).extract().asString();
	}

	/** How long until {@code condition} held, polling every 50 ms, giving up (and failing) after 10 s. */
	static Duration within(BooleanSupplier condition) {
		long start = System.nanoTime();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - start > Duration.ofSeconds(10).toNanos()) {
				throw new AssertionError("not within 10 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}

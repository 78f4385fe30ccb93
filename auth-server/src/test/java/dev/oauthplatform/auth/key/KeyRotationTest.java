package dev.oauthplatform.auth.key;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.OAuthClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Jwts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Staged rotation over real HTTP: tokens issued before, during and after a rotation all verify
 * against the published JWKS until they expire; an emergency rotation drops the old key at once.
 * Every test leaves one signing key per algorithm and no rotation pending.
 */
class KeyRotationTest extends HttpTest {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	private SigningKeyRepository keys;

	@Autowired
	private OAuthClientRepository clients;

	private RegisteredCredentials cli;

	private RegisteredCredentials introspector;

	private String username;

	@BeforeEach
	void clientsAndAUser() {
		this.cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		this.introspector = registerResourceServer();
		this.username = newUser();
	}

	@Test
	void theListShowsOneSigningKeyPerAlgorithmAndNoKeyMaterial() {
		List<Map<String, Object>> listed = admin().get("/admin/api/keys").then().statusCode(200).extract().path("$");

		assertThat(listed.stream()
			.filter((key) -> "SIGNING".equals(key.get("state")))
			.map((key) -> key.get("algorithm"))).containsExactlyInAnyOrder("ES256", "RS256");
		assertThat(listed).allSatisfy((key) -> assertThat(key.keySet()).containsExactlyInAnyOrder("kid", "algorithm",
				"state", "created_at", "activate_at", "activated_at", "retire_at", "retired_at"));
	}

	@Test
	void tokensIssuedBeforeDuringAndAfterAStagedRotationAllVerifyAndIntrospectActive() throws Exception {
		String oldKid = signingKid("ES256");
		String before = accessToken();

		JsonPath rotated = rotate("{\"algorithm\": \"ES256\", \"activate_after_seconds\": 3}", 202);
		String newKid = rotated.getString("[0].kid");
		assertThat(rotated.getString("[0].state")).isEqualTo("PUBLISHED");
		String during = accessToken();
		JWKSet jwksDuring = jwks();
		String after = awaitToken((token) -> newKid.equals(kid(token)));

		assertThat(kid(before)).isEqualTo(oldKid);
		assertThat(kid(during)).isEqualTo(oldKid);
		assertThat(jwksDuring.getKeyByKeyId(newKid)).as("published before it signs").isNotNull();
		JWKSet jwks = jwks();
		for (String token : List.of(before, during, after)) {
			assertThat(verifies(token, jwks)).isTrue();
			introspect(this.introspector, token).then().body("active", equalTo(true));
		}
	}

	@Test
	void theReplacedKeyStaysPublishedUntilTheLongestTokenItSignedHasExpired() {
		String oldKid = signingKid("ES256");
		String newKid = rotate("{\"algorithm\": \"ES256\", \"activate_after_seconds\": 0}", 202).getString("[0].kid");
		awaitToken((token) -> newKid.equals(kid(token)));

		Map<String, Object> old = listed(oldKid);
		Instant activated = Instant.parse((String) listed(newKid).get("activated_at"));
		long longestAccessToken = this.clients.findAll()
			.stream()
			.mapToLong(OAuthClient::getAccessTokenTtlSeconds)
			.max()
			.orElseThrow();
		assertThat(old.get("state")).isEqualTo("VERIFY_ONLY");
		assertThat(Instant.parse((String) old.get("retire_at")))
			.isAfterOrEqualTo(activated.plusSeconds(Math.max(longestAccessToken, 30 * 60)));
		assertThat(jwks().getKeyByKeyId(oldKid)).isNotNull();
	}

	@Test
	void aKeyPastItsRetirementLeavesTheJwks() {
		String oldKid = signingKid("ES256");
		String newKid = rotate("{\"algorithm\": \"ES256\", \"activate_after_seconds\": 0}", 202).getString("[0].kid");
		awaitToken((token) -> newKid.equals(kid(token)));

		// the real wait is the longest token lifetime: move the due date instead
		SigningKey old = this.keys.findById(oldKid).orElseThrow();
		old.setRetireAt(Instant.now().minusSeconds(1));
		this.keys.save(old);

		await(() -> jwks().getKeyByKeyId(oldKid) == null);
		assertThat(listed(oldKid)).containsEntry("state", "RETIRED");
		assertThat(listed(oldKid).get("retired_at")).isNotNull();
	}

	@Test
	void aSecondRotationWhileOneIsPendingIsAConflict() {
		String newKid = rotate("{\"algorithm\": \"RS256\", \"activate_after_seconds\": 3}", 202).getString("[0].kid");

		admin().body("{\"algorithm\": \"RS256\"}").post("/admin/api/keys/rotate").then()
			.statusCode(409)
			.body("error", equalTo("rotation_in_progress"));
		await(() -> "SIGNING".equals(listed(newKid).get("state")));
	}

	@Test
	void anEmergencyRotationSignsWithTheNewKeyAtOnceAndDropsTheOldOne() {
		String oldKid = signingKid("ES256");
		String signedByLeakedKey = accessToken();

		JsonPath rotated = rotate("{\"algorithm\": \"ES256\", \"emergency\": true}", 202);
		String newKid = rotated.getString("[0].kid");

		assertThat(rotated.getString("[0].state")).isEqualTo("SIGNING");
		assertThat(kid(accessToken())).isEqualTo(newKid);
		assertThat(jwks().getKeyByKeyId(oldKid)).isNull();
		assertThat(listed(oldKid)).containsEntry("state", "RETIRED");
		introspect(this.introspector, signedByLeakedKey).then().body("active", equalTo(false));
	}

	/** A client_credentials JWT introspected before is remembered as verified: the rotation must end that too. */
	@Test
	void anEmergencyRotationEndsAClientCredentialsTokenIntrospectedBefore() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), false);
		String signedByLeakedKey = clientCredentials(m2m);
		introspect(this.introspector, signedByLeakedKey).then().body("active", equalTo(true));

		rotate("{\"algorithm\": \"ES256\", \"emergency\": true}", 202);

		introspect(this.introspector, signedByLeakedKey).then().body("active", equalTo(false));
		introspect(this.introspector, clientCredentials(m2m)).then().body("active", equalTo(true));
	}

	@Test
	void aRotationWithoutABodyStagesBothAlgorithmsUntilTheJwksCachesHaveExpired() {
		Instant requested = Instant.now();
		JsonPath rotated = admin().post("/admin/api/keys/rotate").then()
			.statusCode(202)
			.body("$", hasSize(2))
			.extract()
			.jsonPath();

		assertThat(rotated.getList("algorithm")).containsExactlyInAnyOrder("ES256", "RS256");
		assertThat(rotated.getList("state")).containsOnly("PUBLISHED");
		assertThat(rotated.getList("activate_at", String.class)).allSatisfy((activateAt) -> assertThat(
				Instant.parse(activateAt)).isAfterOrEqualTo(requested.plus(Duration.ofMinutes(5))));
		// an emergency rotation also replaces keys still waiting: nothing stays pending for later tests
		rotate("{\"emergency\": true}", 202);
		assertThat(rotated.getList("kid", String.class)).allSatisfy(
				(kid) -> assertThat(listed(kid)).containsEntry("state", "RETIRED"));
	}

	@Test
	void anUnknownAlgorithmOrANegativeDelayIsAnInvalidRequest() {
		admin().body("{\"algorithm\": \"HS256\"}").post("/admin/api/keys/rotate").then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"));
		admin().body("{\"activate_after_seconds\": -1}").post("/admin/api/keys/rotate").then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"));
	}

	@Test
	void theKeysApiNeedsAnAdminsToken() {
		given().get("/admin/api/keys").then().statusCode(401);
		RegisteredCredentials userCli = register(ClientType.CLI, Set.of(), Set.of("admin"), true);
		String userToken = passwordGrant(userCli, newUser(), USER_PASSWORD).then()
			.statusCode(200)
			.extract()
			.path("access_token");

		given().auth().oauth2(userToken).get("/admin/api/keys").then().statusCode(403);
		given().auth().oauth2(userToken).contentType("application/json").post("/admin/api/keys/rotate").then()
			.statusCode(403);
	}

	@Test
	void theJwksMayBeCachedForTheConfiguredMaxAge() {
		given().get("/oauth2/jwks").then().statusCode(200).header("Cache-Control", "public, max-age=300");
	}

	private String accessToken() {
		return passwordGrant(this.cli, this.username, USER_PASSWORD).then()
			.statusCode(200)
			.extract()
			.path("access_token");
	}

	private static JsonPath rotate(String body, int status) {
		return admin().body(body).post("/admin/api/keys/rotate").then().statusCode(status).extract().jsonPath();
	}

	private static String signingKid(String algorithm) {
		List<String> kids = admin().get("/admin/api/keys").then().statusCode(200).extract()
			.path("findAll { it.state == 'SIGNING' && it.algorithm == '" + algorithm + "' }.kid");
		assertThat(kids).hasSize(1);
		return kids.get(0);
	}

	private static Map<String, Object> listed(String kid) {
		return admin().get("/admin/api/keys").then().statusCode(200).extract().path("find { it.kid == '" + kid + "' }");
	}

	private static JWKSet jwks() {
		String body = given().get("/oauth2/jwks").then().statusCode(200).extract().asString();
		try {
			JWKSet set = JWKSet.parse(body);
			assertThat(set.getKeys()).noneMatch(JWK::isPrivate);
			return set;
		}
		catch (ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	private static boolean verifies(String token, JWKSet jwks) throws Exception {
		SignedJWT jwt = SignedJWT.parse(token);
		JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		return key != null && jwt.verify(new ECDSAVerifier(key.toECKey()));
	}

	private static String kid(String token) {
		return (String) Jwts.header(token).get("kid");
	}

	/** A token issued once the condition holds: each instance picks up an activation within a check interval. */
	private String awaitToken(Predicate<String> condition) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (Instant.now().isBefore(deadline)) {
			String token = accessToken();
			if (condition.test(token)) {
				return token;
			}
			pause();
		}
		throw new AssertionError("No token met the condition within " + PATIENCE);
	}

	private static void await(Supplier<Boolean> condition) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (!condition.get()) {
			assertThat(Instant.now()).as("condition met within " + PATIENCE).isBefore(deadline);
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}

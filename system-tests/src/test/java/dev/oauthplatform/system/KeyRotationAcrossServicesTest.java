package dev.oauthplatform.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin rotates auth-server's signing key; resource-api, which caches the JWKS, accepts tokens
 * of the new key at once (it refetches on an unknown kid) and those of the old key until expiry.
 */
class KeyRotationAcrossServicesTest extends PlatformTest {

	@Test
	void tokensOfTheOldAndTheNewKeyAreBothAcceptedWithoutARestart() throws InterruptedException {
		String clientId = admin.register(Map.of("client_name", "Rotation CLI", "client_type", "cli", "scope",
				"notes.read")).getString("client_id");
		String username = admin.createUser(PASSWORD);
		String before = token(clientId, username);
		resourceApi(before).get("/api/me").then().statusCode(200);

		admin.api()
			.body("{\"algorithm\": \"ES256\", \"activate_after_seconds\": 1}")
			.post("/admin/api/keys/rotate")
			.then()
			.statusCode(202);
		String after = awaitTokenWithAnotherKey(clientId, username, (String) Jwt.header(before).get("kid"));

		resourceApi(after).get("/api/me").then().statusCode(200);
		resourceApi(before).get("/api/me").then().statusCode(200);
	}

	private static String awaitTokenWithAnotherKey(String clientId, String username, String oldKid)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			String token = token(clientId, username);
			if (!oldKid.equals(Jwt.header(token).get("kid"))) {
				return token;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("auth-server did not start signing with the new key");
	}

	private static String token(String clientId, String username) {
		String token = passwordGrant(clientId, username, PASSWORD).post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
		assertThat(token).contains(".");
		return token;
	}

}

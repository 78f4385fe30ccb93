package dev.oauthplatform.system;

import java.nio.file.Path;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.oauthplatform.system.support.CrashableAuthServer;
import dev.oauthplatform.system.support.Platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the token endpoint has answered survives a crash of the server's process: once a client
 * holds the refresh token a rotation handed it, a kill -9 right after the answer neither loses
 * that token nor brings back the one it replaced (which would re-open a replay window).
 */
class CrashDurabilityTest {

	/** A commit the database had not yet written shows within a few tries; each cycle is one. */
	private static final int CRASHES = 3;

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path dataDir;

	@Test
	void aRotationAnsweredJustBeforeAKill9IsTheOneThatCountsAfterTheRestart() {
		RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
		try (CrashableAuthServer server = CrashableAuthServer.start(this.dataDir)) {
			for (int crash = 1; crash <= CRASHES; crash++) {
				String rotatedOut = passwordGrant(server);
				String current = refresh(server, rotatedOut).then().statusCode(200).extract().path("refresh_token");

				server.crashAndRestart();

				assertThat(refresh(server, current).statusCode())
					.as("crash %d: the refresh token answered just before the crash works after it", crash)
					.isEqualTo(200);
				refresh(server, rotatedOut).then()
					.statusCode(400)
					.body("error", equalTo("invalid_grant"));
			}
		}
	}

	private static String passwordGrant(CrashableAuthServer server) {
		return authServer(server).formParam("grant_type", "password")
			.formParam("client_id", "admin-cli")
			.formParam("username", Platform.ADMIN_USERNAME)
			.formParam("password", server.adminPassword())
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("refresh_token");
	}

	private static Response refresh(CrashableAuthServer server, String refreshToken) {
		return authServer(server).formParam("grant_type", "refresh_token")
			.formParam("client_id", "admin-cli")
			.formParam("refresh_token", refreshToken)
			.post("/oauth2/token");
	}

	private static RequestSpecification authServer(CrashableAuthServer server) {
		return given().baseUri(server.url());
	}

}

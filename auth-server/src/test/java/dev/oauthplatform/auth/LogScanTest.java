package dev.oauthplatform.auth;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.SecretsSeen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class (junit-platform.properties) and reads the log file of the
 * whole run: no password, client secret, code or token that crossed HTTP may appear in it.
 */
@Order(Integer.MAX_VALUE)
class LogScanTest extends HttpTest {

	private static final Path LOG = Path.of("target/test-logs/auth-server.log");

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)");

	/** Any JWT: header and payload are base64url JSON, so both start with "eyJ". */
	private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.");

	@Test
	void noSecretPasswordOrTokenAppearsInAnyLogLine() throws IOException {
		exerciseEverySecretBearingPath();
		List<String> lines = linesOfThisRun();
		assertThat(lines).as("the run's log").isNotEmpty();
		Set<String> secrets = SecretsSeen.values();
		assertThat(secrets).as("secrets seen over HTTP").hasSizeGreaterThan(5);
		for (String line : lines) {
			assertThat(JWT.matcher(line).find()).as("a JWT in: %s", line).isFalse();
			for (String secret : secrets) {
				assertThat(line).as("a secret in a log line").doesNotContain(secret);
			}
			assertThat(line).doesNotContain("test-pepper-0123456789abcdef", "admin-console-test-secret");
		}
	}

	/** The file outlives a run (several runs append to it): only lines stamped since this JVM started count. */
	private static List<String> linesOfThisRun() throws IOException {
		Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		List<String> lines = new ArrayList<>();
		boolean current = false;
		for (String line : Files.readAllLines(LOG)) {
			Matcher stamp = TIMESTAMP.matcher(line);
			if (stamp.lookingAt()) {
				current = !OffsetDateTime.parse(stamp.group()).toInstant().isBefore(started.minusSeconds(1));
			}
			if (current) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** So that the scan means something even when this class runs alone. */
	private void exerciseEverySecretBearingPath() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String user = newUser();
		passwordGrant(cli, user, "a-wrong-password-for-the-log").then().statusCode(400);
		String refreshToken = passwordGrant(cli, user, USER_PASSWORD).then().extract().path("refresh_token");
		refresh(cli, refreshToken).then().statusCode(200);
		refresh(cli, refreshToken).then().statusCode(400); // reuse: the family is revoked
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of(), true);
		introspect(m2m, clientCredentials(m2m)).then().statusCode(200);
		tokenRequest(new RegisteredCredentials(m2m.clientId(), "wrong-secret-for-the-log"))
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(401);
		String clientId = admin().body(Json.of(Map.of("client_name", "Log scan", "client_type", "m2m")))
			.post("/admin/api/clients")
			.then()
			.extract()
			.path("client_id");
		admin().post("/admin/api/clients/{id}/secret", clientId).then().statusCode(200);
		admin().body(Json.of(Map.of("username", "log-" + UUID.randomUUID(), "password", "log-scan-password-1")))
			.post("/admin/api/users")
			.then()
			.statusCode(201);
		given().formParam("username", user).formParam("password", "form-login-wrong-password").post("/login");
	}

}

package dev.oauthplatform.auth.bootstrap;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.AuthServerApplication;
import dev.oauthplatform.auth.support.Instances;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * admin-cli under the prod profile: admins sign in with the device grant; the password grant
 * (RFC 9700 §2.4) is off until the operator switches it on, which takes effect at the next start.
 * On PostgreSQL only: prod refuses H2 (config/ProductionChecks).
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class AdminCliInProductionTest {

	private static final String ADMIN_PASSWORD = "plum-orbit-ledger-quartz-7";

	private final String schema = Instances.freshDatabase();

	@TempDir
	Path dataDir;

	@AfterEach
	void dropSchema() {
		Instances.drop(this.schema);
	}

	@Test
	void thePasswordGrantIsOffUnlessSwitchedOnAndTheDeviceGrantIsOnUnlessSwitchedOff() {
		try (ConfigurableApplicationContext production = start()) {
			int port = Instances.port(production);
			passwordGrant(port).then().statusCode(400).body("error", equalTo("unauthorized_client"));
			given().port(port)
				.formParam("client_id", "admin-cli")
				.post("/oauth2/device_authorization")
				.then()
				.statusCode(200)
				.body("user_code", notNullValue());
		}
		try (ConfigurableApplicationContext switchedOn = start("--auth.bootstrap.admin-cli-password-grant=true",
				"--auth.bootstrap.admin-cli-device-grant=false")) {
			int port = Instances.port(switchedOn);
			passwordGrant(port).then().statusCode(200);
			given().port(port)
				.formParam("client_id", "admin-cli")
				.post("/oauth2/device_authorization")
				.then()
				.statusCode(400)
				.body("error", equalTo("unauthorized_client"));
		}
	}

	private ConfigurableApplicationContext start(String... more) {
		String[] arguments = { "--spring.profiles.active=test,postgres,prod", "--server.port=0", "--management.server.port=0",
				"--auth.data-dir=" + this.dataDir, "--spring.datasource.url=" + Instances.postgresUrl(this.schema),
				"--spring.flyway.schemas=" + this.schema, "--auth.bootstrap.admin-password=" + ADMIN_PASSWORD,
				"--auth.secrets.key-encryption-secret=production-test-key-encryption-secret-0123456789" };
		String[] all = Stream.concat(Arrays.stream(arguments), Arrays.stream(more)).toArray(String[]::new);
		return new SpringApplicationBuilder(AuthServerApplication.class).run(all);
	}

	private static Response passwordGrant(int port) {
		return given().port(port)
			.formParam("client_id", "admin-cli")
			.formParam("grant_type", "password")
			.formParam("username", "admin")
			.formParam("password", ADMIN_PASSWORD)
			.post("/oauth2/token");
	}

}

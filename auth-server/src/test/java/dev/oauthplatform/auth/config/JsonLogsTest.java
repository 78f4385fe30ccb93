package dev.oauthplatform.auth.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.Instances;
import dev.oauthplatform.auth.user.UserAccounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the switch on ({@code LOG_FORMAT=ecs}) the console gets one ECS JSON object a line, and a
 * line logged while serving a request carries that request's id. Boot sets up logging once per
 * JVM, so this starts an instance of its own after letting go of the set-up; it runs late because
 * the contexts already started keep logging JSON to the console after it (LogScanTest reads the
 * log file, which stays plain text).
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String PASSWORD = "correct horse battery staple";

	@Test
	void aRequestsLogLineIsJsonWithItsRequestId(CapturedOutput output) {
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
		String requestId = "json-logs-" + UUID.randomUUID();
		try (ConfigurableApplicationContext instance = Instances.start(Instances.freshDatabase(), "--LOG_FORMAT=ecs")) {
			RegisteredCredentials cli = instance.getBean(ClientRegistrar.class)
				.register(NewClient.of(null, "json logs", ClientType.CLI, Set.of(), Set.of("notes.read"), true));
			String username = "json-logs-" + UUID.randomUUID();
			instance.getBean(UserAccounts.class).create(username, PASSWORD, null, Set.of("USER"));
			int port = Instances.port(instance);
			String refreshToken = tokenRequest(port, cli).formParam("grant_type", "password")
				.formParam("username", username)
				.formParam("password", PASSWORD)
				.post("/oauth2/token")
				.then()
				.statusCode(200)
				.extract()
				.path("refresh_token");
			refresh(port, cli, refreshToken).post("/oauth2/token").then().statusCode(200);

			refresh(port, cli, refreshToken).header("X-Request-Id", requestId)
				.post("/oauth2/token")
				.then()
				.statusCode(400)
				.header("X-Request-Id", requestId);
		}

		List<Map<String, Object>> lines = output.getOut()
			.lines()
			.filter((line) -> line.contains(requestId))
			.map(JsonLogsTest::json)
			.toList();
		assertThat(lines).as("console lines naming the request").isNotEmpty().allSatisfy((line) -> assertThat(line)
			.containsEntry("request_id", requestId)
			.containsKeys("@timestamp", "ecs"));
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.containsEntry("log", Map.of("level", "WARN", "logger", "dev.oauthplatform.auth.grant.refresh.RefreshTokenReuseDetector"))
			.containsEntry("message", "A rotated-out refresh token was presented again: revoked every token of its grant"));
	}

	private static Map<String, Object> json(String line) {
		return MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {
		});
	}

	private static RequestSpecification tokenRequest(int port, RegisteredCredentials client) {
		return given().port(port).contentType("application/x-www-form-urlencoded").formParam("client_id", client.clientId());
	}

	private static RequestSpecification refresh(int port, RegisteredCredentials client, String refreshToken) {
		return tokenRequest(port, client).formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken);
	}

}

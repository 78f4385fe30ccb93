package dev.oauthplatform.auth.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code TRACING_ENDPOINT} set, requests are traced to that OpenTelemetry collector
 * (OTLP/HTTP), continuing a caller's {@code traceparent}. A collector of the test's own receives
 * them; without the setting nothing is sampled (TracingOffByDefaultTest).
 */
class TracingTest extends HttpTest {

	private static final HttpServer collector = collector();

	private static final List<byte[]> exports = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void traceToTheTestCollector(DynamicPropertyRegistry registry) {
		registry.add("tracing.endpoint",
				() -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
		registry.add("tracing.sampling-probability", () -> "1.0");
		// the batch goes out within 200 ms, not Boot's 5 s
		registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
	}

	@AfterAll
	static void stopCollector() {
		collector.stop(0);
	}

	@Test
	void aTokenRequestIsTracedToTheCollectorUnderTheCallersTrace() throws InterruptedException {
		RegisteredCredentials machine = register(NewClient.of(null, "traced", ClientType.M2M, Set.of(), Set.of(), true));
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		given().auth()
			.preemptive()
			.basic(machine.clientId(), machine.clientSecret())
			.header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(200);

		byte[] export = awaitExportContaining(HexFormat.of().parseHex(traceId), Duration.ofSeconds(10));
		String readable = new String(export, StandardCharsets.ISO_8859_1);
		assertThat(readable).contains("auth-server").contains("/oauth2/token");
		assertThat(readable).doesNotContain(machine.clientSecret());
	}

	private static byte[] awaitExportContaining(byte[] traceId, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (byte[] export : exports) {
				if (indexOf(export, traceId) >= 0) {
					return export;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no span of trace " + HexFormat.of().formatHex(traceId) + " reached the collector in "
				+ timeout + " (" + exports.size() + " exports)");
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new java.security.SecureRandom().nextBytes(bytes);
		return bytes;
	}

	private static HttpServer collector() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/traces", (exchange) -> {
				exports.add(exchange.getRequestBody().readAllBytes());
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package dev.oauthplatform.auth.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.AuthServerApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First start on an empty database: the moment the server answers anything, its built-in clients
 * and admin exist, so the README's first curl works however early it comes.
 */
class FirstStartTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

	@Test
	void theFirstAnswerOnAnEmptyDatabaseComesFromAServerWhoseBuiltInClientsExist() throws Exception {
		Path dataDir = Files.createTempDirectory("first-start");
		int port = freePort();
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> SpringApplication.run(AuthServerApplication.class, "--server.port=" + port,
					"--management.server.port=0", "--spring.profiles.active=test", "--auth.data-dir=" + dataDir,
					"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("auth") + ";DB_CLOSE_ON_EXIT=FALSE",
					"--logging.file.name=target/test-logs/first-start.log"));
		try {
			awaitFirstAnswer("http://localhost:" + port + "/.well-known/openid-configuration", starting);

			HttpResponse<String> token = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
						+ "&password=admin"))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
			assertThat(token.body()).contains("access_token");
		}
		finally {
			starting.get().close();
		}
	}

	/** Asks as fast as a script would, from before the port opens until the first answer. */
	private void awaitFirstAnswer(String url, CompletableFuture<?> starting) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		HttpRequest discovery = HttpRequest.newBuilder(URI.create(url)).build();
		while (Instant.now().isBefore(deadline) && !starting.isCompletedExceptionally()) {
			try {
				if (this.http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(5);
		}
		throw new AssertionError("The server never answered discovery");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

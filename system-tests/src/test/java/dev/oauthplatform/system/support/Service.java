package dev.oauthplatform.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One of the platform's services, started from its packaged jar as a real process. */
final class Service {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final String name;

	private final int port;

	/** Health and readiness answer here only. */
	private final int managementPort;

	private final Process process;

	private final Path log;

	private Service(String name, int port, int managementPort, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.process = process;
		this.log = log;
	}

	/** Starts {@code module}'s jar on a free port and waits until it reports ready. */
	static Service start(String module, int port, Map<String, String> environment, List<String> arguments) {
		return start(module, module, port, environment, arguments);
	}

	/** The same, logging to {@code target/system-tests/<logName>.log}: a second instance keeps its own log. */
	static Service start(String module, String logName, int port, Map<String, String> environment,
			List<String> arguments) {
		Path log = Path.of("target", "system-tests", logName + ".log");
		try {
			Files.createDirectories(log.getParent());
			int managementPort = freePort();
			List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-jar",
					jar(module).toString(), "--server.port=" + port, "--management.server.port=" + managementPort));
			command.addAll(arguments);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			Service service = new Service(module, port, managementPort, builder.start(), log);
			service.awaitReady();
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Ends the process as a crash would: SIGKILL on the JVM itself (the command is java, no
	 * wrapper script), so no shutdown hook runs and nothing is flushed or closed on the way out.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " survived SIGKILL for 20 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/health/readiness")).build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see "
						+ this.log.toAbsolutePath());
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep();
		}
		stop();
		throw new IllegalStateException(this.name + " was not ready within " + START_TIMEOUT + "; see "
				+ this.log.toAbsolutePath());
	}

	/** The jar Maven built for the module (run ./mvnw verify, or package, from the root first). */
	private static Path jar(String module) throws IOException {
		Path target = Path.of("..", module, "target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().matches(module + "-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in " + target.toAbsolutePath()
						+ ": build it first (./mvnw verify from the project root)"));
		}
	}

	/** The JVM running the tests: the newest the build found, as ./run.sh would pick. */
	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

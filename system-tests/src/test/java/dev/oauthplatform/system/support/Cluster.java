package dev.oauthplatform.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/**
 * The platform as {@code scripts/cluster.sh} runs it: two auth-server instances on PostgreSQL
 * (schema {@code auth}) behind HAProxy on :9000, issuer {@code http://localhost:9000}. Started once
 * per test run with {@code up --fresh} (both instances first-starting at once on an empty schema),
 * stopped with {@code down} when the test JVM exits. Only for the tests tagged {@code cluster}
 * ({@code ./mvnw verify -Pcluster -pl system-tests}): the ports are fixed, 9000-9002, 9091-9092 (management), 8080, 8081, 8090, 8091.
 */
public final class Cluster {

	public static final String BALANCER = "http://localhost:9000";

	public static final String ISSUER = BALANCER;

	public static final String ADMIN_USERNAME = "admin";

	/** What cluster.sh starts the instances with, as ./run.sh does, unless AUTH_ADMIN_PASSWORD is set. */
	public static final String ADMIN_PASSWORD = "admin";

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path LOG = Path.of("target", "system-tests", "cluster.log").toAbsolutePath();

	private static boolean up;

	private static RuntimeException failedToStart;

	private Cluster() {
	}

	/** Starts the cluster once for the run ({@code up --fresh}); every test calls this first. */
	public static synchronized void up() {
		RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
		if (failedToStart != null) {
			throw new IllegalStateException("the cluster did not start", failedToStart);
		}
		if (!up) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> script("down")));
			try {
				script("down");
				script("up", "--fresh");
				up = true;
			}
			catch (RuntimeException ex) {
				failedToStart = ex;
				throw ex;
			}
		}
	}

	/** Instance {@code n} (1 or 2) directly, bypassing the balancer. */
	public static String instance(int n) {
		return "http://localhost:" + (9000 + n);
	}

	public static Admin admin(String server) {
		return new Admin(server, ADMIN_PASSWORD);
	}

	/** SIGTERM of instance {@code n}; returns once it has exited. */
	public static void stopInstance(int n) {
		script("stop-instance", String.valueOf(n));
	}

	/** Starts instance {@code n} again; returns once it is ready and HAProxy routes to it. */
	public static void startInstance(int n) {
		script("start-instance", String.valueOf(n));
	}

	/** The process of instance {@code n} as cluster.sh started it (its pid file); empty once it has exited. */
	public static Optional<ProcessHandle> process(int n) {
		try {
			long pid = Long.parseLong(Files.readString(ROOT.resolve("data/cluster/auth-" + n + ".pid")).strip());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code true} while instance {@code n}'s port accepts a TCP connection (closed at once). */
	public static boolean accepts(int n) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 9000 + n), 100);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** {@code true} when instance {@code n} answers 200 on its readiness probe (its management port). */
	public static boolean ready(int n) {
		return answers200("http://127.0.0.1:" + (9090 + n) + "/actuator/health/readiness");
	}

	/** {@code true} when the balancer routes a discovery request to an instance that answers it. */
	public static boolean routes() {
		return answers200(BALANCER + "/.well-known/openid-configuration");
	}

	private static boolean answers200(String url) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** One number from the cluster's database (schema auth). */
	public static long count(String sql) {
		try (Connection connection = DriverManager.getConnection(POSTGRES + "?currentSchema=auth", "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Restarts PostgreSQL itself ({@code pg_ctlcluster ... main restart}); returns once it answers. */
	public static void restartPostgres() {
		try {
			String version;
			try (var versions = Files.list(Path.of("/etc/postgresql"))) {
				version = versions.map((path) -> path.getFileName().toString()).sorted().findFirst().orElseThrow();
			}
			run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"));
			run(List.of("pg_isready", "-h", "127.0.0.1", "-p", "5432", "-t", "30"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void script(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(ROOT.resolve("scripts/cluster.sh").toString());
		command.addAll(List.of(arguments));
		run(command);
	}

	private static void run(List<String> command) {
		try {
			Files.createDirectories(LOG.getParent());
			Process process = new ProcessBuilder(command).directory(ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
				.start();
			if (!process.waitFor(6, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not end within 6 minutes; see " + LOG);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed (" + process.exitValue() + "): see " + LOG
						+ " and " + ROOT.resolve("data/cluster"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

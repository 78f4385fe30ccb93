package dev.oauthplatform.auth.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import dev.oauthplatform.auth.AuthServerApplication;

/**
 * Several auth-server instances in one JVM, on a database of their own (a fresh PostgreSQL schema
 * under {@code -Ppostgres}, a fresh in-memory H2 database otherwise) that they share, as the
 * instances of a cluster share theirs.
 */
public final class Instances {

	/** What the postgres profile's tests connect to (application-postgres.yml), with another schema. */
	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final Semaphore LOGGING_SET_UP = new Semaphore(1);

	private Instances() {
	}

	public static boolean postgres() {
		return System.getProperty("spring.profiles.active", "").contains("postgres");
	}

	/** A name no other test uses: a schema on PostgreSQL, an in-memory database on H2. */
	public static String freshDatabase() {
		return "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	public static ConfigurableApplicationContext start(String database, String... arguments) {
		return startAt(database, (postgres() ? postgresUrl(database) : null), arguments);
	}

	/** The JDBC URL of a PostgreSQL schema of the postgres profile's database (created by Flyway). */
	public static String postgresUrl(String schema) {
		return POSTGRES + "?currentSchema=" + schema;
	}

	/** With the JDBC URL given (PostgreSQL through a proxy, say); null for the database's own. */
	public static ConfigurableApplicationContext startAt(String database, String url, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=" + System.getProperty(
				"spring.profiles.active", "test"), "--server.port=0", "--management.server.port=0",
				"--auth.data-dir=target/test-data/" + database));
		if (postgres()) {
			all.add("--spring.datasource.url=" + url);
			all.add("--spring.flyway.schemas=" + database);
		}
		else {
			all.add("--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
		}
		all.addAll(List.of(arguments));
		return runAfterOtherLoggingStarts(new SpringApplicationBuilder(AuthServerApplication.class), all);
	}

	/**
	 * Boot's logging system is one per JVM: two applications that initialise it at the same moment
	 * can fail ("Unable to find Spring Environment in logger context"). So starts take turns until
	 * logging is set up (the context is initialised); what follows, the part a cluster test is
	 * about, still runs concurrently.
	 */
	private static ConfigurableApplicationContext runAfterOtherLoggingStarts(SpringApplicationBuilder builder,
			List<String> arguments) {
		AtomicBoolean released = new AtomicBoolean();
		Runnable release = () -> {
			if (released.compareAndSet(false, true)) {
				LOGGING_SET_UP.release();
			}
		};
		LOGGING_SET_UP.acquireUninterruptibly();
		try {
			return builder.listeners((ApplicationListener<ApplicationContextInitializedEvent>) (event) -> release.run())
				.run(arguments.toArray(String[]::new));
		}
		finally {
			release.run();
		}
	}

	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Where the instance answers health, readiness and metrics. */
	public static int managementPort(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
	}

	/** A connection of the test's own to the database the instances share (to read it after they stopped). */
	public static Connection connect(String database) throws SQLException {
		return postgres() ? DriverManager.getConnection(POSTGRES + "?currentSchema=" + database, "postgres", "")
				: DriverManager.getConnection("jdbc:h2:mem:" + database, "sa", "");
	}

	/** The schema and everything in it (PostgreSQL); nothing to do for H2's, gone with the JVM. */
	public static void drop(String database) {
		if (!postgres()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + database + " cascade");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

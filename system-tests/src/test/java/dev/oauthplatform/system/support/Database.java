package dev.oauthplatform.system.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Where the services keep their data: their default H2 files, or, when the build runs with the
 * postgres profile (./mvnw verify -Ppostgres), PostgreSQL at 127.0.0.1:5432 in schemas of their
 * own, emptied first, so that other tests' data never meets these.
 */
final class Database {

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

	private final boolean postgres;

	private Database(boolean postgres) {
		this.postgres = postgres;
	}

	static Database forThisRun() {
		return new Database(System.getProperty("spring.profiles.active", "").contains("postgres"));
	}

	/** The environment that puts a service on this database, in {@code schema} for PostgreSQL. */
	Map<String, String> environment(String schema) {
		if (!this.postgres) {
			return Map.of();
		}
		dropSchema(schema);
		return Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SPRING_DATASOURCE_URL",
				POSTGRES + "?currentSchema=" + schema, "SPRING_DATASOURCE_USERNAME", "postgres",
				"SPRING_FLYWAY_SCHEMAS", schema);
	}

	private static void dropSchema(String schema) {
		try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed by -Ppostgres", ex);
		}
	}

}

package dev.oauthplatform.admin.session;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

import dev.oauthplatform.admin.AdminUiApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired console sessions are deleted once a minute across console instances, not once per
 * instance: two instances on one database (a PostgreSQL schema under -Ppostgres, an in-memory H2
 * database otherwise), the real lock table.
 */
class ExpiredSessionPurgeTests {

	private static final String DATABASE = "console_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		a = start();
		b = start();
	}

	@AfterAll
	static void stop() throws SQLException {
		b.close();
		a.close();
		if (postgres()) {
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
					"postgres", "")) {
				connection.createStatement().execute("drop schema if exists " + DATABASE + " cascade");
			}
		}
	}

	@Test
	void anExpiredSessionIsDeletedByTheFirstInstanceWhoseTurnItIsAndTheOtherSkipsThatMinute() {
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		String first = session(jdbc, System.currentTimeMillis() - 60_000);
		String live = session(jdbc, System.currentTimeMillis() + 1_800_000);

		a.getBean(ExpiredSessionPurger.class).purgeOnSchedule();
		assertThat(exists(jdbc, first)).as("purged by A").isFalse();
		assertThat(exists(jdbc, live)).as("a live session is kept").isTrue();

		String second = session(jdbc, System.currentTimeMillis() - 60_000);
		b.getBean(ExpiredSessionPurger.class).purgeOnSchedule();
		assertThat(exists(jdbc, second)).as("B skipped: A holds the job for the minute").isTrue();

		Timestamp lockUntil = jdbc.queryForObject(
				"select lock_until from shedlock where name = 'purge-expired-sessions'", Timestamp.class);
		assertThat(lockUntil.toInstant()).isAfter(Instant.now().plusSeconds(30));
	}

	/** Spring Session's own cleanup, which every instance would run each minute, is not scheduled. */
	@Test
	void springSessionSchedulesNoCleanupOfItsOwn() {
		JdbcIndexedSessionRepository sessions = a.getBean(JdbcIndexedSessionRepository.class);
		assertThat(ReflectionTestUtils.getField(sessions, "taskScheduler")).as("its cleanup scheduler").isNull();
	}

	/** The schedule off: a minute starting mid-test would take the turn the test gives A. */
	private static ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--admin-ui.issuer=http://127.0.0.1:1", "--admin-ui.client-secret=test-secret",
				"--admin-ui.sessions.purge-cron=-"));
		if (postgres()) {
			arguments.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + DATABASE);
			arguments.add("--spring.flyway.schemas=" + DATABASE);
		}
		else {
			arguments.add("--spring.datasource.url=jdbc:h2:mem:" + DATABASE + ";DB_CLOSE_DELAY=-1");
		}
		return new SpringApplicationBuilder(AdminUiApplication.class).run(arguments.toArray(String[]::new));
	}

	private static boolean postgres() {
		return System.getProperty("spring.profiles.active", "").contains("postgres");
	}

	private static String session(JdbcTemplate jdbc, long expiry) {
		String id = UUID.randomUUID().toString();
		long now = System.currentTimeMillis();
		jdbc.update("insert into spring_session (primary_id, session_id, creation_time, last_access_time, "
				+ "max_inactive_interval, expiry_time) values (?, ?, ?, ?, 1800, ?)", id, id, now, now, expiry);
		return id;
	}

	private static boolean exists(JdbcTemplate jdbc, String id) {
		return jdbc.queryForObject("select count(*) from spring_session where primary_id = ?", Integer.class, id) == 1;
	}

}

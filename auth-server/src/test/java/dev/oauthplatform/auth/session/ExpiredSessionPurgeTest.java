package dev.oauthplatform.auth.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

import dev.oauthplatform.auth.support.Instances;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired browser sessions are deleted once a minute across instances, not once per instance:
 * two instances on one database, the real lock table.
 */
class ExpiredSessionPurgeTest {

	private static final String DATABASE = Instances.freshDatabase();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		// the schedule off: a minute starting mid-test would take the turn the test gives A
		a = Instances.start(DATABASE, "--auth.sessions.purge-cron=-");
		b = Instances.start(DATABASE, "--auth.sessions.purge-cron=-");
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
		Instances.drop(DATABASE);
	}

	@Test
	void anExpiredSessionIsDeletedByTheFirstInstanceWhoseTurnItIsAndTheOtherSkipsThatMinute() {
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		String first = expiredSession(jdbc);
		String live = liveSession(jdbc);

		a.getBean(ExpiredSessionPurger.class).purgeOnSchedule();
		assertThat(exists(jdbc, first)).as("purged by A").isFalse();
		assertThat(exists(jdbc, live)).as("a live session is kept").isTrue();

		String second = expiredSession(jdbc);
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

	private static String expiredSession(JdbcTemplate jdbc) {
		return session(jdbc, System.currentTimeMillis() - 60_000);
	}

	private static String liveSession(JdbcTemplate jdbc) {
		return session(jdbc, System.currentTimeMillis() + 1_800_000);
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

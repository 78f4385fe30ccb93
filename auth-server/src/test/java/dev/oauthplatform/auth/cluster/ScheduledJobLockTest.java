package dev.oauthplatform.auth.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.support.Instances;
import dev.oauthplatform.auth.user.ThrottleEntries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A locked scheduled job runs once per period across instances: the second instance to fire it
 * within the period skips it. Two instances on one database (PostgreSQL under -Ppostgres, H2 otherwise),
 * the real lock provider, the real table.
 */
class ScheduledJobLockTest {

	private static final String DATABASE = Instances.freshDatabase();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		a = Instances.start(DATABASE);
		b = Instances.start(DATABASE);
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
		Instances.drop(DATABASE);
	}

	@Test
	void theThrottlePurgeFiredOnBothInstancesRunsOnTheFirstOnly() {
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		staleFailure(jdbc, "ip:203.0.113.1");

		a.getBean(ThrottleEntries.class).purgeOnSchedule();
		assertThat(failures(jdbc, "ip:203.0.113.1")).as("purged by A").isZero();

		staleFailure(jdbc, "ip:203.0.113.2");
		b.getBean(ThrottleEntries.class).purgeOnSchedule();
		assertThat(failures(jdbc, "ip:203.0.113.2")).as("B skipped: A holds the job for its period").isEqualTo(1);

		Timestamp lockUntil = jdbc.queryForObject("select lock_until from shedlock where name = 'purge-login-throttle'",
				Timestamp.class);
		assertThat(lockUntil.toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(10)));
	}

	private static void staleFailure(JdbcTemplate jdbc, String key) {
		Timestamp dayAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
		jdbc.update("insert into login_failure (throttle_key, failures, first_failure_at, last_failure_at) "
				+ "values (?, 1, ?, ?)", key, dayAgo, dayAgo);
	}

	private static int failures(JdbcTemplate jdbc, String key) {
		return jdbc.queryForObject("select count(*) from login_failure where throttle_key = ?", Integer.class, key);
	}

}

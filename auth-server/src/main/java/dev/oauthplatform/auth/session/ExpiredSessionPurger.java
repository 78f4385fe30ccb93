package dev.oauthplatform.auth.session;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired browser sessions once a minute across all instances. Spring Session's own
 * cleanup is switched off ({@code spring.session.jdbc.cleanup-cron: "-"}): it would run the same
 * delete on every instance every minute.
 */
@Component
class ExpiredSessionPurger {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessionPurger(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	/** An instance that dies mid-purge holds the job for 5 minutes at most, not the default 30. */
	@Scheduled(cron = "${auth.sessions.purge-cron:0 * * * * *}")
	@SchedulerLock(name = "purge-expired-sessions", lockAtLeastFor = "50s", lockAtMostFor = "5m")
	public void purgeOnSchedule() {
		this.sessions.cleanUpExpiredSessions();
	}

}

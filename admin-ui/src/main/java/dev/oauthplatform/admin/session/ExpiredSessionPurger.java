package dev.oauthplatform.admin.session;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired console sessions once a minute across all console instances. Spring Session's
 * own cleanup is switched off ({@code spring.session.jdbc.cleanup-cron: "-"}): it would run the
 * same delete on every instance every minute.
 */
@Component
class ExpiredSessionPurger {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessionPurger(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "${admin-ui.sessions.purge-cron:0 * * * * *}")
	@SchedulerLock(name = "purge-expired-sessions", lockAtLeastFor = "50s")
	public void purgeOnSchedule() {
		this.sessions.cleanUpExpiredSessions();
	}

}

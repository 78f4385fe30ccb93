package dev.oauthplatform.auth.audit;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the events older than {@code auth.audit.retention}. */
@Component
public class AuditPurger {

	private static final Logger logger = LoggerFactory.getLogger(AuditPurger.class);

	private final AuditEvents events;

	private final AuditProperties properties;

	AuditPurger(AuditEvents events, AuditProperties properties) {
		this.events = events;
		this.properties = properties;
	}

	/** Once per interval across all instances: the first to take the lock purges, the others skip. */
	@Scheduled(fixedDelayString = "${auth.audit.purge-interval:1h}", initialDelayString = "${auth.audit.purge-interval:1h}")
	@SchedulerLock(name = "purge-audit-events", lockAtLeastFor = "${auth.audit.purge-interval:1h}")
	public void purgeOnSchedule() {
		purge();
	}

	public int purge() {
		int purged = this.events.deleteBefore(Instant.now().minus(this.properties.retention()));
		if (purged > 0) {
			logger.info("Purged {} audit events older than {}", purged, this.properties.retention());
		}
		return purged;
	}

}

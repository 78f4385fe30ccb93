package dev.oauthplatform.auth.token;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Deletes authorizations whose every code and token has expired, and deny-list entries of expired tokens. */
@Component
public class ExpiredAuthorizationPurger {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredAuthorizationPurger.class);

	private final EntityManager entityManager;

	private final StatelessAccessTokens statelessTokens;

	private final TransactionTemplate transaction;

	ExpiredAuthorizationPurger(EntityManager entityManager, StatelessAccessTokens statelessTokens,
			PlatformTransactionManager transactionManager) {
		this.entityManager = entityManager;
		this.statelessTokens = statelessTokens;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Once per interval across all instances: each one's scheduler fires, the first takes the lock
	 * and keeps it for the interval, the others skip (purging twice is only wasted work).
	 */
	@Scheduled(fixedDelayString = "${auth.tokens.purge-interval}", initialDelayString = "${auth.tokens.purge-interval}")
	@SchedulerLock(name = "purge-expired-authorizations", lockAtLeastFor = "${auth.tokens.purge-interval}")
	public void purgeOnSchedule() {
		this.transaction.executeWithoutResult((status) -> purge());
	}

	@Transactional
	public int purge() {
		Instant now = Instant.now();
		this.entityManager
			.createNativeQuery("delete from oauth_token where authorization_id in "
					+ "(select id from oauth_authorization where expires_at < ?1)")
			.setParameter(1, now)
			.executeUpdate();
		int purged = this.entityManager.createNativeQuery("delete from oauth_authorization where expires_at < ?1")
			.setParameter(1, now)
			.executeUpdate();
		this.statelessTokens.purgeExpired(now);
		if (purged > 0) {
			logger.info("Purged {} expired authorizations", purged);
		}
		return purged;
	}

}

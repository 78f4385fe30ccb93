package dev.oauthplatform.auth.token;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes authorizations whose every code and token has expired, and deny-list entries of expired tokens. */
@Component
public class ExpiredAuthorizationPurger {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredAuthorizationPurger.class);

	private final EntityManager entityManager;

	private final StatelessAccessTokens statelessTokens;

	ExpiredAuthorizationPurger(EntityManager entityManager, StatelessAccessTokens statelessTokens) {
		this.entityManager = entityManager;
		this.statelessTokens = statelessTokens;
	}

	@Scheduled(fixedDelayString = "${auth.tokens.purge-interval}", initialDelayString = "${auth.tokens.purge-interval}")
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

package dev.oauthplatform.auth.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.oauthplatform.auth.user.UserSessions;

/**
 * Deletes a user's sessions from the session store (SPRING_SESSION), which every instance reads:
 * the user is signed out everywhere at once, not only at their next request. Found by principal
 * name, which is the user's immutable id (the sign-in's {@code Authentication#getName()}).
 */
final class StoredUserSessions implements UserSessions {

	private static final Logger logger = LoggerFactory.getLogger(StoredUserSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StoredUserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@Override
	public void endAll(String userId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// the session store writes in a transaction of its own: only once the account change stands
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					delete(userId);
				}
			});
		}
		else {
			delete(userId);
		}
	}

	private void delete(String userId) {
		try {
			var ids = this.sessions.findByPrincipalName(userId).keySet();
			ids.forEach(this.sessions::deleteById);
			// the count only: a session id is as good as the cookie
			logger.debug("Deleted {} session(s) of a user whose account changed", ids.size());
		}
		catch (RuntimeException ex) {
			// the change is committed and must be answered as done: the session version ends them instead
			logger.warn("Could not delete the sessions of a user whose account changed; they end at their next request",
					ex);
		}
	}

}

package dev.oauthplatform.auth.user;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Each change of {@link LoginThrottle} in a transaction of its own, tried again when it lost a race to insert a key's row. */
final class ThrottleTransactions {

	private static final Logger logger = LoggerFactory.getLogger(ThrottleTransactions.class);

	private static final int TRIES = 3;

	private final TransactionTemplate ownTransaction;

	ThrottleTransactions(PlatformTransactionManager transactions) {
		// An attempt counts even when the caller's transaction (if any) rolls back.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Concurrent first attempts race to insert a key's row; the losers find it on the next try. */
	boolean inOwnTransaction(Supplier<Boolean> work) {
		for (int tries = 1;; tries++) {
			try {
				return Boolean.TRUE.equals(this.ownTransaction.execute((status) -> work.get()));
			}
			catch (DuplicateKeyException ex) {
				if (tries == TRIES) {
					throw ex;
				}
				logger.debug("A first attempt raced another for a throttle key's row: counting it again");
			}
		}
	}

}

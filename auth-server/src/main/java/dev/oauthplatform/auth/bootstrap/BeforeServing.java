package dev.oauthplatform.auth.bootstrap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.cluster.StartupLock;

/**
 * Runs the {@link StartupTask}s once every bean exists but before the web server starts: an
 * application runner would run only after the port is open, so a first request on an empty
 * database (the README's first curl) could meet a server without its built-in clients, and
 * readiness would not say so. They run in one transaction holding the {@link StartupLock}:
 * instances first started together do not all create the admin and the built-in clients (the
 * later ones would fail on the unique keys); one does, the others wait for its commit and find them.
 */
@Component
class BeforeServing implements SmartInitializingSingleton {

	private final ObjectProvider<StartupTask> tasks;

	private final StartupLock lock;

	private final TransactionTemplate transaction;

	BeforeServing(ObjectProvider<StartupTask> tasks, StartupLock lock, PlatformTransactionManager transactionManager) {
		this.tasks = tasks;
		this.lock = lock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transaction.executeWithoutResult((status) -> {
			this.lock.holdUntilTransactionEnds();
			this.tasks.orderedStream().forEach(StartupTask::run);
		});
	}

}

package dev.oauthplatform.auth.bootstrap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupTask}s once every bean exists but before the web server starts: an
 * application runner would run only after the port is open, so a first request on an empty
 * database (the README's first curl) could meet a server without its built-in clients, and
 * readiness would not say so.
 */
@Component
class BeforeServing implements SmartInitializingSingleton {

	private final ObjectProvider<StartupTask> tasks;

	BeforeServing(ObjectProvider<StartupTask> tasks) {
		this.tasks = tasks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.tasks.orderedStream().forEach(StartupTask::run);
	}

}

package dev.oauthplatform.system.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An auth-server of one test's own, which the test may crash (SIGKILL) and start again on the
 * same data: the default H2 file under {@code dataDir} (the embedded default, as ./run.sh runs
 * it), or, with -Ppostgres, a PostgreSQL schema of its own. Not the shared {@link Platform}: the
 * other tests must not see it die.
 */
public final class CrashableAuthServer implements AutoCloseable {

	private final int port = Service.freePort();

	private final Map<String, String> environment = new HashMap<>();

	private final String adminPassword = Platform.randomSecret();

	private Service running;

	private int starts;

	private CrashableAuthServer(Path dataDir) {
		this.environment.putAll(Database.forThisRun().environment("systest_crash"));
		this.environment.put("AUTH_ISSUER", url());
		this.environment.put("AUTH_DATA_DIR", dataDir.toString());
		this.environment.put("AUTH_ADMIN_USERNAME", Platform.ADMIN_USERNAME);
		this.environment.put("AUTH_ADMIN_PASSWORD", this.adminPassword);
		this.environment.put("AUTH_CLIENT_SECRET_PEPPER", Platform.randomSecret());
	}

	/** Starts it on {@code dataDir} and waits until it is ready. */
	public static CrashableAuthServer start(Path dataDir) {
		CrashableAuthServer server = new CrashableAuthServer(dataDir);
		server.startAgain();
		return server;
	}

	/** The same address across restarts, so that the issuer stays the same too. */
	public String url() {
		return "http://localhost:" + this.port;
	}

	public String adminPassword() {
		return this.adminPassword;
	}

	/** kill -9 of the server's JVM, then a new JVM on the same data and port, ready. */
	public void crashAndRestart() {
		this.running.kill();
		this.running = null;
		startAgain();
	}

	@Override
	public void close() {
		if (this.running != null) {
			this.running.stop();
		}
	}

	private void startAgain() {
		this.starts++;
		// a log per run: the crashed run's log tells what it did last
		this.running = Service.start("auth-server", "crashable-auth-server-" + this.starts, this.port,
				this.environment, List.of());
	}

}

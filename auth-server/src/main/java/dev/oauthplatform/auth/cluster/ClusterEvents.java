package dev.oauthplatform.auth.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every instance that something it may cache has changed: PostgreSQL {@code NOTIFY}, sent
 * in the changing transaction (so delivered when it commits, and never for a rolled-back change),
 * heard by a {@link ChangeListener} in each instance. On H2 there is one instance only: the change
 * is evicted locally by its caller, and there is nothing to send or hear.
 */
@Component
public class ClusterEvents implements SmartLifecycle {

	private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");

	private final JdbcTemplate jdbc;

	private final DataSourceProperties dataSource;

	private final boolean postgres;

	private final Map<String, List<ChangeSubscriber>> subscribers = new ConcurrentHashMap<>();

	private volatile ChangeListener listener;

	ClusterEvents(JdbcTemplate jdbc, DataSourceProperties dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.postgres = dataSource.determineUrl().startsWith("jdbc:postgresql:");
	}

	/**
	 * Announces a change in the current transaction, delivered to every instance (this one too)
	 * once it commits.
	 */
	public void publish(String channel, String payload) {
		checkChannel(channel);
		if (this.postgres) {
			this.jdbc.query("select pg_notify(?, ?)", (result) -> null, channel, payload);
		}
	}

	/** Before the application starts: the channels are listened to from its first request on. */
	public void subscribe(String channel, ChangeSubscriber subscriber) {
		checkChannel(channel);
		if (this.listener != null) {
			throw new IllegalStateException("Subscribe to " + channel + " before the application starts");
		}
		this.subscribers.computeIfAbsent(channel, (name) -> new CopyOnWriteArrayList<>()).add(subscriber);
	}

	/** Whether this instance hears other instances' changes now (false on H2: there are none). */
	public boolean listening() {
		ChangeListener current = this.listener;
		return current != null && current.connected();
	}

	/**
	 * Whether what this instance remembers of announced changes is complete: on H2 it is the only
	 * instance, on PostgreSQL only while it listens (a lost connection may have missed some).
	 */
	public boolean hearsEveryChange() {
		return !this.postgres || listening();
	}

	@Override
	public void start() {
		if (this.postgres && !this.subscribers.isEmpty()) {
			this.listener = ChangeListener.start(this::connect, this.subscribers);
		}
	}

	@Override
	public void stop() {
		ChangeListener current = this.listener;
		if (current != null) {
			current.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.listener != null && this.listener.running();
	}

	/** Starts before the web server and stops after it (and after the drain): no change goes unheard while serving. */
	@Override
	public int getPhase() {
		return 0;
	}

	/**
	 * A connection of its own, not one of the pool's: it is held for as long as the instance runs,
	 * and a pool exhausted by requests (or a pool connection retired by its max lifetime) must not
	 * silence invalidations.
	 */
	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.dataSource.determineUsername());
		String password = this.dataSource.determinePassword();
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", "auth-server change listener");
		properties.setProperty("connectTimeout", "3");
		properties.setProperty("tcpKeepAlive", "true");
		return DriverManager.getConnection(this.dataSource.determineUrl(), properties);
	}

	private static void checkChannel(String channel) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("Not a channel name: " + channel);
		}
	}

}

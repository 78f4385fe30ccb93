package dev.oauthplatform.auth.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread per instance, holding one connection on which it {@code LISTEN}s to every channel
 * subscribed to, and handing each notification to the channel's subscribers. A lost connection
 * is made again with backoff; whatever was announced meanwhile is lost, so the subscribers are
 * told to forget everything, then and on every (re)connection.
 */
final class ChangeListener implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(ChangeListener.class);

	/** The longest wait for a notification: also how soon {@link #stop()} is noticed. */
	private static final int WAIT_MILLIS = 500;

	/** A connection silent this long is checked: a dropped network does not always close a socket. */
	private static final Duration QUIET_CHECK = Duration.ofSeconds(10);

	private static final Duration FIRST_RETRY = Duration.ofMillis(100);

	private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

	/** Start-up waits this long for the first LISTEN: an instance that serves then hears every change. */
	private static final Duration FIRST_CONNECTION = Duration.ofSeconds(10);

	interface ConnectionSource {

		Connection connect() throws SQLException;

	}

	private final ConnectionSource source;

	private final Map<String, List<ChangeSubscriber>> subscribers;

	private final CountDownLatch firstConnection = new CountDownLatch(1);

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean connected;

	private ChangeListener(ConnectionSource source, Map<String, List<ChangeSubscriber>> subscribers) {
		this.source = source;
		this.subscribers = Map.copyOf(subscribers);
		this.thread = new Thread(this, "cluster-change-listener");
		this.thread.setDaemon(true);
	}

	static ChangeListener start(ConnectionSource source, Map<String, List<ChangeSubscriber>> subscribers) {
		ChangeListener listener = new ChangeListener(source, subscribers);
		listener.thread.start();
		try {
			if (!listener.firstConnection.await(FIRST_CONNECTION.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Not listening for other instances' changes yet; until then they show within the caches' lifetime");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return listener;
	}

	boolean connected() {
		return this.connected;
	}

	boolean running() {
		return this.thread.isAlive();
	}

	void stop() {
		this.running = false;
		try {
			this.thread.join(2 * WAIT_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void run() {
		Duration retry = FIRST_RETRY;
		boolean lost = false;
		while (this.running) {
			try (Connection connection = this.source.connect()) {
				listen(connection);
				// what was announced before the LISTEN is read again first: a subscriber trusting
				// its cache as soon as connected() says so must not trust it a moment too early
				missedChanges();
				this.connected = true;
				this.firstConnection.countDown();
				if (lost) {
					logger.info("Listening for other instances' changes again");
				}
				lost = false;
				retry = FIRST_RETRY;
				receive(connection);
			}
			catch (SQLException | RuntimeException ex) {
				this.connected = false;
				if (!this.running) {
					return;
				}
				if (!lost) {
					logger.warn("Lost the connection that hears other instances' changes ({}); caches cleared, "
							+ "reconnecting", ex.getMessage());
				}
				lost = true;
				missedChanges();
				pause(retry);
				retry = (retry.compareTo(LONGEST_RETRY.dividedBy(2)) < 0) ? retry.multipliedBy(2) : LONGEST_RETRY;
			}
		}
	}

	private void listen(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			for (String channel : this.subscribers.keySet()) {
				statement.execute("LISTEN " + channel);
			}
		}
	}

	private void receive(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		long lastHeard = System.nanoTime();
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
			if (notifications != null && notifications.length > 0) {
				for (PGNotification notification : notifications) {
					deliver(notification.getName(), notification.getParameter());
				}
				lastHeard = System.nanoTime();
			}
			else if (System.nanoTime() - lastHeard > QUIET_CHECK.toNanos()) {
				if (!connection.isValid(2)) {
					throw new SQLException("The listening connection does not answer");
				}
				lastHeard = System.nanoTime();
			}
		}
	}

	private void deliver(String channel, String payload) {
		for (ChangeSubscriber subscriber : this.subscribers.getOrDefault(channel, List.of())) {
			safely(() -> subscriber.changed(payload));
		}
	}

	private void missedChanges() {
		this.subscribers.values().forEach((list) -> list.forEach((subscriber) -> safely(subscriber::missedChanges)));
	}

	/** A subscriber that fails (its reload meets a database that is down) must not stop the others, nor the loop. */
	private static void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.debug("A change subscriber failed; the caches' lifetime bounds what it missed", ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

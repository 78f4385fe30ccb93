package dev.oauthplatform.auth.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares, per thread, so that a test can state how many
 * queries a call costs while the server's own threads go on working. application-test.yml
 * installs it.
 */
public final class SqlStatements implements StatementInspector {

	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

	/** While {@link #sentByServerDuring} runs: the statements of the server's request threads. */
	private static volatile List<String> captured;

	@Override
	public String inspect(String sql) {
		COUNT.get()[0]++;
		List<String> capture = captured;
		if (capture != null && REQUEST_THREAD.test(Thread.currentThread().getName())) {
			capture.add(sql);
		}
		return sql;
	}

	/** Tomcat's request threads ({@code http-nio-PORT-exec-N}), not schedulers or the test's own. */
	private static final Predicate<String> REQUEST_THREAD = (name) -> name.contains("-exec-");

	/**
	 * The statements the server's request threads sent while {@code action} ran: for a test that
	 * sends one HTTP request at a time, what that request cost.
	 */
	public static synchronized List<String> sentByServerDuring(Runnable action) {
		List<String> capture = new CopyOnWriteArrayList<>();
		captured = capture;
		try {
			action.run();
		}
		finally {
			captured = null;
		}
		return List.copyOf(capture);
	}

	/** How many statements {@code action} sent from the calling thread. */
	public static int sentDuring(Runnable action) {
		int before = COUNT.get()[0];
		action.run();
		return COUNT.get()[0] - before;
	}

}

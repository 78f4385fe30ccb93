package dev.oauthplatform.auth.support;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares, per thread, so that a test can state how many
 * queries a call costs while the server's own threads go on working. application-test.yml
 * installs it.
 */
public final class SqlStatements implements StatementInspector {

	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

	@Override
	public String inspect(String sql) {
		COUNT.get()[0]++;
		return sql;
	}

	/** How many statements {@code action} sent from the calling thread. */
	public static int sentDuring(Runnable action) {
		int before = COUNT.get()[0];
		action.run();
		return COUNT.get()[0] - before;
	}

}

package dev.oauthplatform.auth.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What a database restart does to a commit in flight, on demand: the connection is cut as the
 * commit is answered, so the server's driver reports it failed ({@code 57P01}, "terminating
 * connection due to administrator command") whether or not it happened. {@link #next} arms it
 * for the next commit of a request thread's transaction that wrote a grant or its tokens; every other connection works as usual. Import it
 * with {@code @Import(LostCommitAnswers.Config.class)}.
 */
public final class LostCommitAnswers {

	/** What the database did with the commit whose answer is lost. */
	public enum Outcome {

		COMMITTED, ROLLED_BACK

	}

	private static final Pattern WRITE = Pattern.compile("\\s*(insert\\s+into|update|delete\\s+from)\\s+oauth_(authorization|token)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final AtomicReference<Outcome> ARMED = new AtomicReference<>();

	private LostCommitAnswers() {
	}

	/** The next commit on a server request thread loses its answer after this outcome. */
	public static void next(Outcome outcome) {
		ARMED.set(outcome);
	}

	/** Whether the armed failure was used (and so disarmed). */
	public static boolean spent() {
		return ARMED.get() == null;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor lostCommitAnswers() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource) ? new Cutting(dataSource) : bean;
				}
			};
		}

	}

	private static final class Cutting extends DelegatingDataSource {

		Cutting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return cutting(super.getConnection());
		}

		private static Connection cutting(Connection connection) {
			boolean[] wrote = new boolean[1];
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
							wrote[0] |= WRITE.matcher(sql).lookingAt();
						}
						if ("commit".equals(method.getName()) && wrote[0]
								&& Thread.currentThread().getName().contains("-exec-")) {
							cut(connection);
						}
						if ("commit".equals(method.getName()) || "rollback".equals(method.getName())) {
							wrote[0] = false;
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		/** The commit of a transaction that wrote a grant, if armed: done or undone, then reported failed. */
		private static void cut(Connection connection) throws SQLException {
			Outcome outcome = ARMED.getAndSet(null);
			if (outcome == null) {
				return;
			}
			if (outcome == Outcome.COMMITTED) {
				connection.commit();
			}
			else {
				connection.rollback();
			}
			throw new SQLException("FATAL: terminating connection due to administrator command", "57P01");
		}

	}

}

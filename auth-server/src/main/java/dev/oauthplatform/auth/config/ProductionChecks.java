package dev.oauthplatform.auth.config;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import dev.oauthplatform.auth.bootstrap.BootstrapProperties;
import dev.oauthplatform.auth.protocol.Loopback;
import dev.oauthplatform.auth.secret.ProductionReadinessException;
import dev.oauthplatform.auth.user.PasswordPolicy;

/**
 * Profile {@code prod}: the configuration is checked as a whole before anything starts (no bean,
 * no database migration, no generated secret, no open port), and every problem is listed at once
 * ({@link ProductionReadinessException}). Registered in {@code META-INF/spring.factories}; it runs
 * once the environment, its profiles and logging are ready, checking the profiles at run time
 * (ahead-of-time processing fixes {@code @Profile} at build time).
 */
class ProductionChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!environment.matchesProfiles("prod")) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new ProductionReadinessException(problems);
		}
	}

	static List<String> problems(ConfigurableEnvironment environment) {
		List<String> problems = new ArrayList<>();
		String issuer = environment.getProperty("auth.issuer", "");
		if (!httpsOrLoopback(issuer)) {
			problems.add("the issuer '" + issuer + "' is not an https URL: set AUTH_ISSUER to the public https"
					+ " address, e.g. https://login.example.com (http is for localhost only)");
		}
		String url = environment.getProperty("spring.datasource.url", "");
		boolean h2 = url.startsWith("jdbc:h2:");
		if (h2) {
			problems.add("the database is an embedded H2 one: use PostgreSQL (profile postgres,"
					+ " SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/database)");
		}
		if (!has(environment, "auth.secrets.key-encryption-secret")) {
			problems.add(ProductionReadinessException.missingSecret("AUTH_KEY_ENCRYPTION_SECRET"));
		}
		if (!has(environment, "auth.secrets.client-secret-pepper")) {
			problems.add(ProductionReadinessException.missingSecret("AUTH_CLIENT_SECRET_PEPPER"));
		}
		adminProblems(environment, h2, problems);
		if (environment.matchesProfiles("demo")) {
			problems.add("the demo profile is active: remove demo from SPRING_PROFILES_ACTIVE (it creates a demo"
					+ " user and clients whose passwords are in the README)");
		}
		return problems;
	}

	/**
	 * Both or neither; neither only once the database has a user (on H2, refused anyway, it is not
	 * opened to look); a password given must pass the password policy.
	 */
	private static void adminProblems(ConfigurableEnvironment environment, boolean h2, List<String> problems) {
		boolean username = has(environment, "auth.bootstrap.admin-username");
		boolean password = has(environment, "auth.bootstrap.admin-password");
		if (username && !password) {
			problems.add("AUTH_ADMIN_USERNAME is set without AUTH_ADMIN_PASSWORD: set both, or neither once the"
					+ " admin exists");
		}
		if (password && !username) {
			problems.add("AUTH_ADMIN_PASSWORD is set without AUTH_ADMIN_USERNAME: set both, or neither once the"
					+ " admin exists");
		}
		if (!username && !password && !h2 && !hasUsers(environment)) {
			problems.add(BootstrapProperties.NO_ADMIN);
		}
		if (password) {
			PasswordPolicy
				.problem(environment.getProperty("auth.bootstrap.admin-username"),
						environment.getProperty("auth.bootstrap.admin-password"))
				.ifPresent((problem) -> problems.add("AUTH_ADMIN_PASSWORD does not meet the password policy ("
						+ problem + "): set a stronger one, e.g. `openssl rand -base64 18`"));
		}
	}

	private static boolean httpsOrLoopback(String issuer) {
		try {
			URI uri = URI.create(issuer);
			return Loopback.httpsOrLoopbackHttp(uri.getScheme(), uri.getHost());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Whether the database already has a user (so no admin need be given): one query, on a
	 * connection of its own. A schema not migrated yet has none; a database that cannot be reached
	 * is not judged here (the start fails on it anyway, and {@code bootstrap} refuses alike).
	 */
	private static boolean hasUsers(ConfigurableEnvironment environment) {
		Connection connection;
		try {
			connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
					environment.getProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password"));
		}
		catch (SQLException ex) {
			return true;
		}
		try (connection; Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("select count(*) from app_user")) {
			return count.next() && count.getLong(1) > 0;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean has(ConfigurableEnvironment environment, String property) {
		return StringUtils.hasText(environment.getProperty(property));
	}

	/** After Boot's own listeners: the profiles are resolved and logging can print the failure. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

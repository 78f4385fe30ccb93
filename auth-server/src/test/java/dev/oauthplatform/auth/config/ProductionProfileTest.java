package dev.oauthplatform.auth.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import dev.oauthplatform.auth.AuthServerApplication;
import dev.oauthplatform.auth.bootstrap.BootstrapProperties;
import dev.oauthplatform.auth.secret.ProductionReadinessException;
import dev.oauthplatform.auth.support.Instances;
import dev.oauthplatform.auth.support.SecretsSeen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Profile prod refuses a configuration unfit for production before anything starts, one line per
 * problem, all of them at once. The refusals come before any database is opened: a PostgreSQL URL
 * nothing listens on stands for a correct one (an unreachable database is not judged).
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

	private static final String NOTHING_LISTENS = "jdbc:postgresql://127.0.0.1:1/auth";

	private static final String ADMIN_PASSWORD = "plum-orbit-ledger-quartz-7";

	private static final String KEY_ENCRYPTION_SECRET = "production-test-key-encryption-secret-0123456789";

	private static final String PEPPER = "production-test-pepper-0123456789abcdef";

	static {
		// LogScanTest: none of them may reach a log line, refused or not
		List.of(ADMIN_PASSWORD, KEY_ENCRYPTION_SECRET, PEPPER).forEach(SecretsSeen::add);
	}

	@TempDir
	Path dataDir;

	private final Map<String, String> settings = new LinkedHashMap<>(Map.of("spring.profiles.active", "test,prod",
			"auth.issuer", "https://login.example.test", "spring.datasource.url", NOTHING_LISTENS,
			"auth.secrets.key-encryption-secret", KEY_ENCRYPTION_SECRET, "auth.secrets.client-secret-pepper", PEPPER,
			"auth.bootstrap.admin-username", "admin", "auth.bootstrap.admin-password", ADMIN_PASSWORD));

	@Test
	void anHttpIssuerIsRefused() {
		this.settings.put("auth.issuer", "http://login.example.test");

		assertRefusedWith("the issuer 'http://login.example.test' is not an https URL: set AUTH_ISSUER to the public"
				+ " https address, e.g. https://login.example.com (http is for localhost only)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:9000", "http://127.0.0.1:9000", "http://[::1]:9000" })
	void anHttpIssuerOnThisMachineIsAllowed(String issuer) {
		MockEnvironment environment = new MockEnvironment();
		this.settings.put("auth.issuer", issuer);
		this.settings.forEach(environment::setProperty);

		assertThat(ProductionChecks.problems(environment)).isEmpty();
	}

	@Test
	void anEmbeddedH2DatabaseIsRefused() {
		this.settings.put("spring.datasource.url", "jdbc:h2:file:" + this.dataDir.resolve("auth-server"));

		assertRefusedWith("the database is an embedded H2 one: use PostgreSQL (profile postgres,"
				+ " SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/database)");
		assertThat(this.dataDir).isEmptyDirectory();
	}

	@Test
	void aMissingKeyEncryptionSecretIsRefused() {
		this.settings.put("auth.secrets.key-encryption-secret", "");

		assertRefusedWith("AUTH_KEY_ENCRYPTION_SECRET is not set: set it to the output of `openssl rand -base64 32`,"
				+ " the same on every instance, and keep it (README, Configuration)");
	}

	@Test
	void aMissingPepperIsRefusedAndNoneIsGenerated() {
		this.settings.put("auth.secrets.client-secret-pepper", "");

		assertRefusedWith("AUTH_CLIENT_SECRET_PEPPER is not set: set it to the output of `openssl rand -base64 32`,"
				+ " the same on every instance, and keep it (README, Configuration)");
		assertThat(this.dataDir).isEmptyDirectory();
	}

	@Test
	void anAdminUsernameWithoutPasswordIsRefused() {
		this.settings.put("auth.bootstrap.admin-password", "");

		assertRefusedWith("AUTH_ADMIN_USERNAME is set without AUTH_ADMIN_PASSWORD: set both, or neither once the"
				+ " admin exists");
	}

	@Test
	@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
	void noAdminOnADatabaseWithoutUsersIsRefused() {
		this.settings.put("spring.profiles.active", "test,postgres,prod");
		this.settings.put("spring.datasource.url", Instances.postgresUrl(Instances.freshDatabase()));
		this.settings.put("auth.bootstrap.admin-username", "");
		this.settings.put("auth.bootstrap.admin-password", "");

		assertRefusedWith(BootstrapProperties.NO_ADMIN);
	}

	@Test
	void theDemoProfileIsRefused() {
		this.settings.put("spring.profiles.active", "test,prod,demo");

		assertRefusedWith("the demo profile is active: remove demo from SPRING_PROFILES_ACTIVE (it creates a demo"
				+ " user and clients whose passwords are in the README)");
	}

	@Test
	void anAdminPasswordBelowThePasswordPolicyIsRefused() {
		this.settings.put("auth.bootstrap.admin-password", "admin");

		assertRefusedWith("AUTH_ADMIN_PASSWORD does not meet the password policy (the password must have at least"
				+ " 12 characters): set a stronger one, e.g. `openssl rand -base64 18`");
	}

	@Test
	void everyProblemIsListedAtOnceInTheFailureReport(CapturedOutput output) {
		this.settings.put("spring.profiles.active", "test,prod,demo");
		this.settings.put("auth.issuer", "http://login.example.test");
		this.settings.put("spring.datasource.url", "jdbc:h2:mem:production-profile");
		this.settings.put("auth.secrets.key-encryption-secret", "");
		this.settings.put("auth.secrets.client-secret-pepper", "");
		this.settings.put("auth.bootstrap.admin-password", "password1234");

		List<String> problems = refusal();

		assertThat(problems).hasSize(6)
			.anySatisfy((problem) -> assertThat(problem).startsWith("the issuer 'http://login.example.test'"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("the database is an embedded H2 one"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("AUTH_KEY_ENCRYPTION_SECRET is not set"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("AUTH_CLIENT_SECRET_PEPPER is not set"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("AUTH_ADMIN_PASSWORD does not meet the password"
					+ " policy (this password is too common or is the username"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("the demo profile is active"));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"auth-server is not ready for production (profile prod):",
				"Fix each problem listed (README, Operations: \"Production checklist\")");
		problems.forEach((problem) -> assertThat(output).contains("  - " + problem + "\n"));
		assertThat(output).doesNotContain("password1234");
	}

	@Test
	@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
	void aProductionConfigurationStartsAndLaterStartsNeedNoAdmin() {
		String schema = Instances.freshDatabase();
		this.settings.put("spring.profiles.active", "test,postgres,prod");
		this.settings.put("spring.datasource.url", Instances.postgresUrl(schema));
		this.settings.put("spring.flyway.schemas", schema);
		try {
			try (ConfigurableApplicationContext first = start()) {
				given().port(Instances.port(first))
					.get("/.well-known/openid-configuration")
					.then()
					.statusCode(200)
					.body("issuer", equalTo("https://login.example.test"));
				assertThat(first.getBean(JdbcTemplate.class)
					.queryForObject("select count(*) from app_user where username = 'admin'", Integer.class))
					.isEqualTo(1);
			}
			this.settings.put("auth.bootstrap.admin-username", "");
			this.settings.put("auth.bootstrap.admin-password", "");
			try (ConfigurableApplicationContext later = start()) {
				assertThat(later.isRunning()).isTrue();
			}
		}
		finally {
			Instances.drop(schema);
		}
	}

	private void assertRefusedWith(String problem) {
		assertThat(refusal()).containsExactly(problem);
	}

	private List<String> refusal() {
		return assertThrows(ProductionReadinessException.class, this::start).problems();
	}

	private ConfigurableApplicationContext start() {
		Map<String, String> all = new LinkedHashMap<>(Map.of("server.port", "0", "management.server.port", "0",
				"auth.data-dir", this.dataDir.toString()));
		all.putAll(this.settings);
		String[] arguments = all.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(AuthServerApplication.class).run(arguments);
	}

}

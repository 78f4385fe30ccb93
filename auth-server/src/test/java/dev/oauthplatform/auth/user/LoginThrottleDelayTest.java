package dev.oauthplatform.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The throttle over time, with delays of seconds instead of minutes: a context of its own, closed
 * afterwards so that its short purge schedule does not outlive these tests.
 */
@TestPropertySource(properties = { "auth.login-throttle.base-delay=3s", "auth.login-throttle.window=5s" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginThrottleDelayTest extends HttpTest {

	private static final int MAX_FAILURES = 5;

	private RegisteredCredentials cli;

	private String address;

	private String username;

	@BeforeEach
	void cliClientUserAndAnAddressOfItsOwn() {
		this.cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		this.address = randomAddress();
		this.username = newUser();
	}

	@Test
	void theRealUserSignsInOnceTheDelayHasPassed() {
		failTimes(MAX_FAILURES);
		passwordGrant(USER_PASSWORD).then().statusCode(400).body("error_description",
				matchesPattern(LoginThrottleTest.THROTTLED));

		waitUntil(counter().blockedUntil());

		passwordGrant(USER_PASSWORD).then().statusCode(200);
		admin().queryParam("username", this.username).get("/admin/api/login-throttle").then().body("", empty());
	}

	@Test
	void eachFailureAfterADelayDoublesTheNextDelay() {
		failTimes(MAX_FAILURES);
		Counter first = counter();
		assertThat(first.delay()).isEqualTo(Duration.ofSeconds(3));

		waitUntil(first.blockedUntil());
		failTimes(1);

		Counter second = counter();
		assertThat(second.failures()).isEqualTo(MAX_FAILURES + 1);
		assertThat(second.delay()).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void aQuietWindowStartsTheCountAnew() {
		failTimes(MAX_FAILURES - 1);

		waitUntil(counter().lastFailureAt().plusSeconds(5));
		failTimes(1);

		assertThat(counter().failures()).isEqualTo(1);
		assertThat(counter().blockedUntil()).isNull();
	}

	private void failTimes(int times) {
		for (int i = 0; i < times; i++) {
			passwordGrant("wrong password").then()
				.statusCode(400)
				.body("error_description", equalTo("Invalid username or password"));
		}
	}

	private Response passwordGrant(String password) {
		return from(this.address)
			.contentType("application/x-www-form-urlencoded")
			.formParam("client_id", this.cli.clientId())
			.formParam("grant_type", "password")
			.formParam("username", this.username)
			.formParam("password", password)
			.post("/oauth2/token");
	}

	/** The counter of the username at the test's address, as the admin API shows it. */
	private Counter counter() {
		JsonPath entry = admin().queryParam("key", "user+ip:" + this.username + "|" + this.address)
			.get("/admin/api/login-throttle")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.setRootPath("[0]");
		return new Counter(entry.getInt("failures"), Instant.parse(entry.getString("last_failure_at")),
				instantOrNull(entry.getString("blocked_until")));
	}

	private static Instant instantOrNull(String value) {
		return (value != null) ? Instant.parse(value) : null;
	}

	/** Server and test share a clock: this machine's. */
	private static void waitUntil(Instant moment) {
		long millis = Duration.between(Instant.now(), moment).toMillis() + 200;
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private record Counter(int failures, Instant lastFailureAt, Instant blockedUntil) {

		Duration delay() {
			return Duration.between(this.lastFailureAt, this.blockedUntil);
		}

	}

}

package dev.oauthplatform.auth.user;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.Concurrently;
import dev.oauthplatform.auth.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Which address a failed sign-in counts under, and what failures at one address do to the others:
 * they never stop the user signing in from another address, a burst of them gets no more than the
 * limit to the password check, and a client cannot pick its address with X-Forwarded-For.
 */
class ThrottleAddressesTest extends HttpTest {

	private static final String INVALID = "Invalid username or password";

	@Autowired
	private LoginThrottleProperties limits;

	private RegisteredCredentials cli;

	private String username;

	@BeforeEach
	void cliClientAndAUser() {
		this.cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		this.username = newUser();
	}

	@Test
	void failuresFromOneAddressNeverStopTheUserSigningInFromAnother() {
		String attacker = randomLoopbackAddress();
		// more than enough for the attacker's address to be blocked, and refused after that
		for (int i = 0; i < this.limits.maxFailures() + 3; i++) {
			passwordGrant(connectingFrom(attacker), "guess " + i);
		}
		passwordGrant(connectingFrom(attacker), USER_PASSWORD).then()
			.statusCode(400)
			.body("error_description", matchesPattern(LoginThrottleTest.THROTTLED));

		passwordGrant(connectingFrom(randomLoopbackAddress()), USER_PASSWORD).then().statusCode(200);
	}

	@Test
	void anAddressBlockedBySomeonesGuessesStillLetsInWhoSignedInThereBefore() {
		String office = randomAddress();
		passwordGrant(from(office), USER_PASSWORD).then().statusCode(200);
		String newcomer = newUser();
		for (int i = 0; i < this.limits.maxFailuresPerIp(); i++) {
			passwordGrant(from(office), "sprayed-" + i + "@example.test", "guess").then().statusCode(400);
		}

		passwordGrant(from(office), newcomer, USER_PASSWORD).then()
			.statusCode(400)
			.body("error_description", matchesPattern(LoginThrottleTest.THROTTLED));
		passwordGrant(from(office), USER_PASSWORD).then().statusCode(200);
	}

	@Test
	void eightUsersBehindOneAddressEachMistypeTwiceAndAllSignIn() {
		String office = randomAddress();
		List<String> colleagues = IntStream.range(0, 8).mapToObj((i) -> newUser()).toList();
		for (String colleague : colleagues) {
			for (int typo = 0; typo < 2; typo++) {
				passwordGrant(from(office), colleague, "typo " + typo).then()
					.statusCode(400)
					.body("error_description", equalTo(INVALID));
			}
		}

		for (String colleague : colleagues) {
			passwordGrant(from(office), colleague, USER_PASSWORD).then().statusCode(200);
		}
	}

	@Test
	void aBurstOfParallelWrongPasswordsGetsNoMoreThanTheLimitToThePasswordCheck() {
		String address = randomAddress();

		List<String> answers = Concurrently.run(50, () -> passwordGrant(from(address), "wrong password").then()
			.statusCode(400)
			.extract()
			.<String>path("error_description"));

		assertThat(answers).filteredOn(INVALID::equals).hasSize(this.limits.maxFailures());
		assertThat(answers).filteredOn((answer) -> answer.matches(LoginThrottleTest.THROTTLED))
			.hasSize(50 - this.limits.maxFailures());
		admin().queryParam("key", "user+ip:" + this.username + "|" + address).get("/admin/api/login-throttle").then()
			.body("[0].failures", equalTo(this.limits.maxFailures()));
	}

	@Test
	void parallelSignInsWithTheRightPasswordAllGetInWhateverTheLimit() {
		String address = randomAddress();
		int parallel = 2 * this.limits.maxFailures();

		List<Integer> statuses = Concurrently.run(parallel,
				() -> passwordGrant(from(address), USER_PASSWORD).then().extract().statusCode());

		assertThat(statuses).containsOnly(200).hasSize(parallel);
	}

	@Test
	void anXForwardedForHeaderFromAClientThatIsNoTrustedProxyIsIgnored() {
		String client = randomLoopbackAddress();
		String claimed = randomAddress();

		passwordGrant(connectingFrom(client).header("X-Forwarded-For", claimed), "wrong password").then()
			.statusCode(400);

		admin().queryParam("key", "user+ip:" + this.username + "|" + client).get("/admin/api/login-throttle").then()
			.body("[0].failures", equalTo(1));
		admin().queryParam("key", "ip:" + claimed).get("/admin/api/login-throttle").then().body("", empty());
	}

	@Test
	void anIpv6ClientCountsPerSlash64() {
		String prefix = "2001:db8:5:" + Integer.toHexString((int) (System.nanoTime() & 0xffff));
		// a /64 holds 2^64 addresses: hopping between them earns no new guesses
		for (int i = 1; i <= this.limits.maxFailures(); i++) {
			passwordGrant(from(prefix + "::" + Integer.toHexString(i)), "wrong password").then()
				.body("error_description", equalTo(INVALID));
		}

		passwordGrant(from(prefix + ":aaaa:bbbb:cccc:dddd"), USER_PASSWORD).then()
			.statusCode(400)
			.body("error_description", matchesPattern(LoginThrottleTest.THROTTLED));
		admin().queryParam("key", "ip:" + prefix + "::/64").get("/admin/api/login-throttle").then()
			.body("[0].failures", equalTo(this.limits.maxFailures()));
		passwordGrant(from("2001:db8:6::1"), USER_PASSWORD).then().statusCode(200);
	}

	@Test
	void underADistributedAttackAnAddressThatFailedGetsNoMoreGuessesButACleanOneSignsIn() {
		List<String> attackers = IntStream.range(0, this.limits.maxAddressesPerUser())
			.mapToObj((i) -> randomAddress())
			.toList();
		for (String attacker : attackers) {
			passwordGrant(from(attacker), "guess from " + attacker).then().body("error_description", equalTo(INVALID));
		}
		admin().queryParam("key", "user:" + this.username).get("/admin/api/login-throttle").then()
			.body("[0].failures", equalTo(this.limits.maxAddressesPerUser()))
			.body("[0].blocked_until", notNullValue());

		// one failure of its own, far under max-failures, and yet refused: the username is under attack
		passwordGrant(from(attackers.get(0)), USER_PASSWORD).then()
			.statusCode(400)
			.body("error_description", matchesPattern(LoginThrottleTest.THROTTLED));
		passwordGrant(from(randomAddress()), USER_PASSWORD).then().statusCode(200);
	}

	private Response passwordGrant(RequestSpecification client, String password) {
		return passwordGrant(client, this.username, password);
	}

	private Response passwordGrant(RequestSpecification client, String username, String password) {
		return client.contentType("application/x-www-form-urlencoded")
			.formParam("client_id", this.cli.clientId())
			.formParam("grant_type", "password")
			.formParam("username", username)
			.formParam("password", password)
			.post("/oauth2/token");
	}

}

package dev.oauthplatform.auth.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The addresses and usernames failed sign-ins count under. */
class ThrottleKeysTest {

	@Test
	void anIpv4AddressCountsAsItIs() {
		assertThat(ThrottleKeys.clientAddress("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(ThrottleKeys.address("127.0.0.2")).isEqualTo("ip:127.0.0.2");
	}

	@Test
	void anIpv6AddressCountsPerSlash64() {
		assertThat(ThrottleKeys.clientAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ThrottleKeys.clientAddress("2001:0db8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ThrottleKeys.clientAddress("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
		assertThat(ThrottleKeys.clientAddress("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
	}

	@Test
	void bracketsAndAZoneAreDropped() {
		assertThat(ThrottleKeys.clientAddress("[2001:db8::1]")).isEqualTo("2001:db8:0:0::/64");
		assertThat(ThrottleKeys.clientAddress("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
	}

	@Test
	void anIpv4MappedIpv6AddressCountsAsTheIpv4Address() {
		assertThat(ThrottleKeys.clientAddress("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void aNormalisedAddressStaysAsItIs() {
		assertThat(ThrottleKeys.clientAddress("2001:db8:1:2::/64")).isEqualTo("2001:db8:1:2::/64");
	}

	@Test
	void textThatIsNoAddressIsKeptCutAndNeverLookedUp() {
		assertThat(ThrottleKeys.clientAddress("not-an-address.example")).isEqualTo("not-an-address.example");
		assertThat(ThrottleKeys.clientAddress("x".repeat(500))).hasSize(64);
		assertThat(ThrottleKeys.clientAddress("2001:db8:zz::1")).isEqualTo("2001:db8:zz::1");
		assertThat(ThrottleKeys.clientAddress(null)).isEqualTo("unknown");
	}

	@Test
	void usernamesAreLowerCasedAndTheAddressComesLast() {
		assertThat(ThrottleKeys.user("Alice")).isEqualTo("user:alice");
		assertThat(ThrottleKeys.userAtAddress("Alice", "2001:db8:1:2::9")).isEqualTo("user+ip:alice|2001:db8:1:2::/64");
	}

	@Test
	void aLongUsernameIsCutButNeverTheAddress() {
		String key = ThrottleKeys.userAtAddress("a".repeat(1000), "203.0.113.7");

		assertThat(key).hasSize(255).endsWith("|203.0.113.7");
		assertThat(ThrottleKeys.isUserAtAddressOf(key, "a".repeat(1000))).isTrue();
		assertThat(ThrottleKeys.user("a".repeat(1000))).hasSize(255);
	}

	@Test
	void aUsernamesKeysAtAddressesAreNotThoseOfALongerUsername() {
		String other = ThrottleKeys.userAtAddress("alice|x", "203.0.113.7");

		assertThat(other).startsWith(ThrottleKeys.userAtAnyAddressPrefix("alice"));
		assertThat(ThrottleKeys.isUserAtAddressOf(other, "alice")).isFalse();
		assertThat(ThrottleKeys.isUserAtAddressOf(other, "alice|x")).isTrue();
	}

}

package dev.oauthplatform.auth.grant.device;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the confirmation page says a device asked from the user's own network. */
class RequestOriginTest {

	@Test
	void theSameMachineOverIpv4AndIpv6IsOneNetwork() {
		assertThat(from("127.0.0.1").sameNetworkAs("0:0:0:0:0:0:0:1")).isTrue();
	}

	@Test
	void anIpv4Slash24AndAnIpv6Slash64AreOneNetwork() {
		assertThat(from("203.0.113.5").sameNetworkAs("203.0.113.77")).isTrue();
		assertThat(from("2001:db8:1:2::5").sameNetworkAs("2001:db8:1:2:abcd::9")).isTrue();
	}

	@Test
	void otherNetworksAndOtherFamiliesAreNot() {
		assertThat(from("203.0.113.5").sameNetworkAs("198.51.100.7")).isFalse();
		assertThat(from("2001:db8:1:2::5").sameNetworkAs("2001:db8:1:3::5")).isFalse();
		assertThat(from("203.0.113.5").sameNetworkAs("2001:db8:1:2::5")).isFalse();
	}

	@Test
	void somethingThatIsNotAnAddressIsNeverLookedUp() {
		assertThat(from("device.example").sameNetworkAs("device.example")).isTrue();
		assertThat(from("device.example").sameNetworkAs("203.0.113.5")).isFalse();
	}

	private static RequestOrigin from(String address) {
		return new RequestOrigin(address, Instant.now());
	}

}

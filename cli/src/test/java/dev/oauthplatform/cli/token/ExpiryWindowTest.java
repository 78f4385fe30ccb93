package dev.oauthplatform.cli.token;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.cli.store.StoredLogin;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryWindowTest {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	@Test
	void aTokenValidForMoreThanAMinuteIsUsedAsItIs() {
		assertThat(ExpiryWindow.needsRefresh(expiringAt(NOW.plusSeconds(61)), NOW)).isFalse();
	}

	@Test
	void aTokenExpiringWithinAMinuteIsRefreshed() {
		assertThat(ExpiryWindow.needsRefresh(expiringAt(NOW.plusSeconds(60)), NOW)).isTrue();
		assertThat(ExpiryWindow.needsRefresh(expiringAt(NOW.plusSeconds(5)), NOW)).isTrue();
	}

	@Test
	void anExpiredTokenIsRefreshed() {
		assertThat(ExpiryWindow.needsRefresh(expiringAt(NOW.minusSeconds(3600)), NOW)).isTrue();
	}

	@Test
	void aTokenWithoutAKnownExpiryIsUsedAsItIs() {
		assertThat(ExpiryWindow.needsRefresh(expiringAt(null), NOW)).isFalse();
	}

	private static StoredLogin expiringAt(Instant expiresAt) {
		return new StoredLogin("https://id.example", "cli", URI.create("https://id.example/oauth2/token"), null,
				"access", expiresAt, "refresh", "openid", null);
	}

}

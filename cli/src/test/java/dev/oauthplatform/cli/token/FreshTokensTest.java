package dev.oauthplatform.cli.token;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.oauthplatform.cli.server.IssuedTokens;
import dev.oauthplatform.cli.server.Refused;
import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.StoredLogin;
import dev.oauthplatform.cli.store.TokenStore;
import dev.oauthplatform.cli.support.CliException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refresh stores its outcome only over the entry whose refresh token it spent: a logout or a
 * login that wrote the entry while the request was out stays as it is (compare-and-swap).
 */
class FreshTokensTest {

	private static final String ISSUER = "https://id.example";

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private static final IssuedTokens ROTATED = new IssuedTokens("access-2", NOW.plusSeconds(900), "refresh-2",
			"openid", null);

	@TempDir
	Path home;

	private TokenStore store;

	private final List<String> revoked = new ArrayList<>();

	@Test
	void anExpiredAccessTokenIsRefreshedAndTheRotatedRefreshTokenStored() {
		StoredLogin result = refreshWith((spent) -> ROTATED).accessToken(new Selection());

		assertThat(result.accessToken()).isEqualTo("access-2");
		assertThat(stored().refreshToken()).isEqualTo("refresh-2");
		assertThat(this.revoked).isEmpty();
	}

	@Test
	void aLogoutWhileTheRefreshWasOutStaysALogoutAndTheNewRefreshTokenIsRevoked() {
		FreshTokens fresh = refreshWith((spent) -> {
			this.store.delete(spent);
			return ROTATED;
		});

		assertThatThrownBy(() -> fresh.accessToken(new Selection())).isInstanceOf(CliException.class)
			.hasMessageStartingWith("Not logged in to " + ISSUER);
		assertThat(this.store.all()).isEmpty();
		assertThat(this.revoked).containsExactly("refresh-2");
	}

	@Test
	void aLoginWhileTheRefreshWasOutIsKeptAndTheOldSessionsNewRefreshTokenIsRevoked() {
		StoredLogin newLogin = login("access-new", "refresh-new", NOW.plusSeconds(900));
		FreshTokens fresh = refreshWith((spent) -> {
			this.store.save(newLogin);
			return ROTATED;
		});

		assertThat(fresh.accessToken(new Selection())).isEqualTo(newLogin);
		assertThat(stored()).isEqualTo(newLogin);
		assertThat(this.revoked).containsExactly("refresh-2");
	}

	@Test
	void aRevokedSessionIsForgotten() {
		FreshTokens fresh = refreshWith((spent) -> {
			throw new Refused("The token request", OAuth2Error.INVALID_GRANT);
		});

		assertThatThrownBy(() -> fresh.accessToken(new Selection())).hasMessage(FreshTokens.REVOKED);
		assertThat(this.store.all()).isEmpty();
	}

	@Test
	void aRevokedSessionReplacedByALoginMeanwhileLeavesTheLoginInPlace() {
		StoredLogin newLogin = login("access-new", "refresh-new", NOW.plusSeconds(900));
		FreshTokens fresh = refreshWith((spent) -> {
			this.store.save(newLogin);
			throw new Refused("The token request", OAuth2Error.INVALID_GRANT);
		});

		assertThat(fresh.accessToken(new Selection())).isEqualTo(newLogin);
		assertThat(stored()).isEqualTo(newLogin);
	}

	private FreshTokens refreshWith(Function<StoredLogin, IssuedTokens> tokenEndpoint) {
		this.store = new TokenStore(this.home);
		this.store.save(login("access-1", "refresh-1", NOW.minusSeconds(5)));
		return new FreshTokens(this.store, Clock.fixed(NOW, ZoneOffset.UTC), tokenEndpoint,
				(login) -> this.revoked.add(login.refreshToken()));
	}

	private StoredLogin stored() {
		return this.store.find(ISSUER, "cli").orElseThrow();
	}

	private static StoredLogin login(String accessToken, String refreshToken, Instant expiresAt) {
		return new StoredLogin(ISSUER, "cli", URI.create(ISSUER + "/oauth2/token"),
				URI.create(ISSUER + "/oauth2/revoke"), accessToken, expiresAt, refreshToken, "openid", null);
	}

}

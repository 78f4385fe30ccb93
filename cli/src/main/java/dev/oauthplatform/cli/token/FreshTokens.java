package dev.oauthplatform.cli.token;

import java.time.Clock;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import dev.oauthplatform.cli.CliException;
import dev.oauthplatform.cli.server.IssuedTokens;
import dev.oauthplatform.cli.server.Refused;
import dev.oauthplatform.cli.server.TokenEndpoint;
import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.StoredLogin;
import dev.oauthplatform.cli.store.TokenStore;

/**
 * A valid access token for a stored sign-in, refreshed first when it is (nearly) expired. The
 * server rotates refresh tokens and takes a second use of one as theft, so the refresh happens
 * once across processes: under the entry's lock, after reading the entry again.
 */
public final class FreshTokens {

	static final String REVOKED = "The session was revoked or expired: run oauthctl login again";

	private final TokenStore store;

	private final Clock clock;

	public FreshTokens(TokenStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public StoredLogin accessToken(Selection selection) {
		StoredLogin login = selection.one(this.store);
		if (!ExpiryWindow.needsRefresh(login, this.clock.instant())) {
			return login;
		}
		return this.store.locked(login.issuer(), login.clientId(), () -> refreshIfStillNeeded(login));
	}

	private StoredLogin refreshIfStillNeeded(StoredLogin before) {
		StoredLogin current = this.store.find(before.issuer(), before.clientId())
			.orElseThrow(() -> new CliException("Logged out of " + before.issuer() + " meanwhile: "
					+ "run oauthctl login again"));
		if (!ExpiryWindow.needsRefresh(current, this.clock.instant())) {
			return current; // another oauthctl refreshed it while this one waited for the lock
		}
		if (current.refreshToken() == null) {
			throw new CliException("The access token expired and the server gave no refresh token: "
					+ "run oauthctl login again");
		}
		StoredLogin refreshed = refresh(current);
		this.store.save(refreshed);
		return refreshed;
	}

	private StoredLogin refresh(StoredLogin login) {
		TokenRequest request = new TokenRequest(login.tokenEndpoint(), new ClientID(login.clientId()),
				new RefreshTokenGrant(new RefreshToken(login.refreshToken())), null);
		try {
			IssuedTokens tokens = new TokenEndpoint(this.clock).send(request);
			return login.refreshed(tokens.accessToken(), tokens.expiresAt(), tokens.refreshToken(), tokens.scope(),
					tokens.idToken());
		}
		catch (Refused ex) {
			if (OAuth2Error.INVALID_GRANT.getCode().equals(ex.code())) {
				// the refresh token is dead for good: keeping it would only fail again
				this.store.delete(login);
				throw new CliException(REVOKED, ex);
			}
			throw ex;
		}
	}

}

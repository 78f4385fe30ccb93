package dev.oauthplatform.cli.token;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import dev.oauthplatform.cli.server.IssuedTokens;
import dev.oauthplatform.cli.server.Refused;
import dev.oauthplatform.cli.server.Revocation;
import dev.oauthplatform.cli.server.TokenEndpoint;
import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.StoredLogin;
import dev.oauthplatform.cli.store.TokenStore;
import dev.oauthplatform.cli.support.CliException;

/**
 * A valid access token for a stored sign-in, refreshed first when it is (nearly) expired. The
 * server rotates refresh tokens and takes a second use of one as theft, so the refresh happens
 * once across processes: under the entry's lock, after reading the entry again. Login and logout
 * take the same lock; the outcome is still stored only when the entry holds the refresh token just
 * spent (compare-and-swap), so that a writer that did not wait (an older oauthctl, a lock a network
 * file system ignores) cannot have a logout or a new login undone.
 */
public final class FreshTokens {

	static final String REVOKED = "The session was revoked or expired: run oauthctl login again";

	private final TokenStore store;

	private final Clock clock;

	private final Function<StoredLogin, IssuedTokens> tokenEndpoint;

	private final Consumer<StoredLogin> revocation;

	public FreshTokens(TokenStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
		this.tokenEndpoint = this::refreshAtServer;
		this.revocation = (login) -> Revocation.revokeQuietly(login.revocationEndpoint(), login.clientId(),
				login.refreshToken());
	}

	/** With the server's two endpoints replaced, for tests. */
	FreshTokens(TokenStore store, Clock clock, Function<StoredLogin, IssuedTokens> tokenEndpoint,
			Consumer<StoredLogin> revocation) {
		this.store = store;
		this.clock = clock;
		this.tokenEndpoint = tokenEndpoint;
		this.revocation = revocation;
	}

	public StoredLogin accessToken(Selection selection) {
		StoredLogin login = selection.one(this.store);
		if (!ExpiryWindow.needsRefresh(login, this.clock.instant())) {
			return login;
		}
		return this.store.locked(login.issuer(), login.clientId(), () -> refreshIfStillNeeded(login));
	}

	private StoredLogin refreshIfStillNeeded(StoredLogin before) {
		StoredLogin current = storedOrLoggedOut(before);
		if (!ExpiryWindow.needsRefresh(current, this.clock.instant())) {
			return current; // another oauthctl refreshed it while this one waited for the lock
		}
		if (current.refreshToken() == null) {
			throw new CliException("The access token expired and the server gave no refresh token: "
					+ "run oauthctl login again");
		}
		IssuedTokens tokens;
		try {
			tokens = this.tokenEndpoint.apply(current);
		}
		catch (Refused ex) {
			if (OAuth2Error.INVALID_GRANT.getCode().equals(ex.code())) {
				return forgetIfUnchanged(current, ex);
			}
			throw ex;
		}
		return keepIfUnchanged(current, current.refreshed(tokens.accessToken(), tokens.expiresAt(),
				tokens.refreshToken(), tokens.scope(), tokens.idToken()));
	}

	/** Stores the refreshed tokens over the entry {@code spent} came from, if it still holds them. */
	private StoredLogin keepIfUnchanged(StoredLogin spent, StoredLogin refreshed) {
		if (unchanged(spent)) {
			this.store.save(refreshed);
			return refreshed;
		}
		// logged out or in again meanwhile: the tokens just issued belong to a session nobody keeps
		this.revocation.accept(refreshed);
		return storedOrLoggedOut(spent);
	}

	/** The refresh token is dead for good: its entry is deleted, unless it holds another one by now. */
	private StoredLogin forgetIfUnchanged(StoredLogin spent, Refused ex) {
		if (unchanged(spent)) {
			this.store.delete(spent);
			throw new CliException(REVOKED, ex);
		}
		return storedOrLoggedOut(spent);
	}

	private boolean unchanged(StoredLogin spent) {
		return this.store.find(spent.issuer(), spent.clientId())
			.map(StoredLogin::refreshToken)
			.filter(spent.refreshToken()::equals)
			.isPresent();
	}

	private StoredLogin storedOrLoggedOut(StoredLogin login) {
		return this.store.find(login.issuer(), login.clientId())
			.orElseThrow(() -> new CliException("Not logged in to " + login.issuer() + " as " + login.clientId()
					+ " (logged out meanwhile): run oauthctl login again"));
	}

	private IssuedTokens refreshAtServer(StoredLogin login) {
		TokenRequest request = new TokenRequest(login.tokenEndpoint(), new ClientID(login.clientId()),
				new RefreshTokenGrant(new RefreshToken(login.refreshToken())), null);
		return new TokenEndpoint(this.clock).send(request);
	}

}

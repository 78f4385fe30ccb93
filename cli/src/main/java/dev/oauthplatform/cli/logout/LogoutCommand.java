package dev.oauthplatform.cli.logout;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.oauthplatform.cli.server.Revocation;
import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.StoredLogin;
import dev.oauthplatform.cli.store.StoredLoginCommand;
import dev.oauthplatform.cli.store.TokenStore;
import dev.oauthplatform.cli.support.CliException;
import dev.oauthplatform.cli.support.Printable;

/**
 * {@code oauthctl logout}: revokes the refresh token (RFC 7009), which ends the session at the
 * server, and forgets the tokens; every stored login when none is named.
 */
@Command(name = "logout", description = "Revoke the session at the server and forget the tokens (all logins when none is named).")
public final class LogoutCommand extends StoredLoginCommand {

	@Override
	protected int run(TokenStore store, Selection selection, CommandLine commandLine) {
		List<StoredLogin> logins = selection.matching(store);
		PrintWriter err = commandLine.getErr();
		if (logins.isEmpty()) {
			err.println("Not logged in: nothing to log out of");
		}
		for (StoredLogin login : logins) {
			store.locked(login.issuer(), login.clientId(), () -> logOut(store, login, err));
		}
		err.flush();
		return 0;
	}

	/**
	 * Under the refresh lock, reading the entry again: a refresh that held the lock may have rotated
	 * the refresh token listed, and revoking the spent one would end nothing at the server.
	 */
	private static Void logOut(TokenStore store, StoredLogin listed, PrintWriter err) {
		store.find(listed.issuer(), listed.clientId()).ifPresent((login) -> {
			revoke(login, err);
			// forgotten whatever the server said: the user asked for these tokens to be gone
			store.delete(login);
		});
		err.println(Printable.of("Logged out of " + listed.issuer() + " (client " + listed.clientId() + ")"));
		return null;
	}

	private static void revoke(StoredLogin login, PrintWriter err) {
		if (login.refreshToken() == null) {
			return;
		}
		if (login.revocationEndpoint() == null) {
			err.println("Warning: " + login.issuer() + " has no revocation endpoint: the session stays valid at the"
					+ " server until it expires");
			return;
		}
		try {
			Revocation.revoke(login.revocationEndpoint(), login.clientId(), login.refreshToken());
		}
		catch (CliException ex) {
			err.println("Warning: could not revoke the session at the server (" + Printable.of(ex.getMessage())
					+ "): it stays valid there until it expires");
		}
	}

}

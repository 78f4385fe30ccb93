package dev.oauthplatform.cli.status;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.oauthplatform.cli.store.StoredLogin;
import dev.oauthplatform.cli.store.TokenStore;
import dev.oauthplatform.cli.support.Printable;

/** {@code oauthctl status}: one line per stored sign-in. */
@Command(name = "status", description = "List the stored logins: issuer, client, user, scopes, expiry, refresh token.")
public final class StatusCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		TokenStore store = TokenStore.fromEnvironment();
		List<StoredLogin> logins = store.all();
		PrintWriter out = this.spec.commandLine().getOut();
		if (logins.isEmpty()) {
			this.spec.commandLine().getErr().println("Not logged in anywhere (tokens live in " + store.home() + ")");
		}
		Instant now = Instant.now();
		for (StoredLogin login : logins) {
			out.println(line(login, now));
		}
		out.flush();
		return 0;
	}

	/** Claims and scopes come from the server: printed without control characters. */
	static String line(StoredLogin login, Instant now) {
		return Printable.of(String.join("  ", login.issuer(), "client=" + login.clientId(), "user=" + Who.user(login),
				"scope=" + ((login.scope() != null) ? login.scope().replace(' ', ',') : "?"), expiry(login, now),
				"refresh_token=" + ((login.refreshToken() != null) ? "yes" : "no")));
	}

	private static String expiry(StoredLogin login, Instant now) {
		if (login.expiresAt() == null) {
			return "expires=?";
		}
		return (login.expiresAt().isAfter(now) ? "expires=" : "expired=") + login.expiresAt();
	}

}

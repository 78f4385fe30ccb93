package dev.oauthplatform.cli.token;

import java.time.Clock;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.StoredLoginCommand;
import dev.oauthplatform.cli.store.TokenStore;

/** {@code oauthctl token}: the access token alone on stdout, for {@code $(oauthctl token)}. */
@Command(name = "token", description = "Print a valid access token, refreshing it first when it is about to expire.")
public final class TokenCommand extends StoredLoginCommand {

	@Override
	protected int run(TokenStore store, Selection selection, CommandLine commandLine) {
		String token = new FreshTokens(store, Clock.systemUTC()).accessToken(selection).accessToken();
		commandLine.getOut().println(token);
		commandLine.getOut().flush();
		return 0;
	}

}

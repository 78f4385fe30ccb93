package dev.oauthplatform.cli.token;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.TokenStore;

/** {@code oauthctl token}: the access token alone on stdout, for {@code $(oauthctl token)}. */
@Command(name = "token", description = "Print a valid access token, refreshing it first when it is about to expire.")
public final class TokenCommand implements Callable<Integer> {

	@Mixin
	Selection selection;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		String token = new FreshTokens(TokenStore.fromEnvironment(), Clock.systemUTC()).accessToken(this.selection)
			.accessToken();
		this.spec.commandLine().getOut().println(token);
		this.spec.commandLine().getOut().flush();
		return 0;
	}

}

package dev.oauthplatform.cli.curl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.StoredLoginCommand;
import dev.oauthplatform.cli.store.TokenStore;
import dev.oauthplatform.cli.support.CliException;
import dev.oauthplatform.cli.token.FreshTokens;

/**
 * {@code oauthctl curl URL [curl arguments]}: curl with the access token as a bearer header. The
 * header goes to curl on its stdin ({@code -H @-}, curl 7.55+), never on its command line, where
 * any user could read it with ps.
 */
@Command(name = "curl", description = "Run curl with a valid access token in the Authorization header.")
public final class CurlCommand extends StoredLoginCommand {

	@Parameters(index = "0", paramLabel = "URL")
	String url;

	@Unmatched
	List<String> curlArguments = new ArrayList<>();

	@Override
	protected int run(TokenStore store, Selection selection, CommandLine commandLine) {
		String token = new FreshTokens(store, Clock.systemUTC()).accessToken(selection).accessToken();
		List<String> command = new ArrayList<>(List.of("curl", "-H", "@-", this.url));
		command.addAll(this.curlArguments);
		try {
			Process curl = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try (OutputStream stdin = curl.getOutputStream()) {
				stdin.write(("Authorization: Bearer " + token + "\n").getBytes(StandardCharsets.US_ASCII));
			}
			return curl.waitFor();
		}
		catch (IOException ex) {
			throw new CliException("Cannot run curl: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException("Interrupted while curl was running", ex);
		}
	}

}

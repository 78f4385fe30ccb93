package dev.oauthplatform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.oauthplatform.cli.curl.CurlCommand;
import dev.oauthplatform.cli.login.LoginCommand;
import dev.oauthplatform.cli.logout.LogoutCommand;
import dev.oauthplatform.cli.status.StatusCommand;
import dev.oauthplatform.cli.support.CliException;
import dev.oauthplatform.cli.support.Printable;
import dev.oauthplatform.cli.token.TokenCommand;

/** oauthctl: signs a user in at an OAuth 2.0 server, keeps their tokens and hands them out. */
@Command(name = "oauthctl", mixinStandardHelpOptions = true, version = "oauthctl 0.1.0",
		description = "A command-line OAuth 2.0 client: sign in once, then get fresh access tokens.",
		subcommands = { LoginCommand.class, TokenCommand.class, StatusCommand.class, CurlCommand.class,
				LogoutCommand.class })
public final class Oauthctl {

	@Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
			description = "Print the stack trace of a failure, not only its message.")
	boolean verbose;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with oauthctl's error handling: what main runs, and what the tests run. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new Oauthctl());
		commandLine.setExecutionExceptionHandler(Oauthctl::failed);
		commandLine.setParameterExceptionHandler(new SecretSafeParameterErrors());
		return commandLine;
	}

	private static int failed(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
		report(ex, ((Oauthctl) commandLine.getCommandSpec().root().userObject()).verbose, commandLine.getErr());
		return CliException.EXIT_CODE;
	}

	/**
	 * One line, or the stack trace line by line: either way without control characters, as a
	 * message may carry a server's error description or the start of its answer.
	 */
	static void report(Exception ex, boolean verbose, PrintWriter err) {
		if (verbose) {
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			// the tabs that indent its lines are control characters too: spaces keep the layout
			trace.toString().lines().map((line) -> Printable.of(line.replace("\t", "    "))).forEach(err::println);
		}
		else if (ex instanceof CliException) {
			err.println("oauthctl: " + Printable.of(ex.getMessage()));
		}
		else {
			// not a failure we foresaw: name its type, the stack trace is one option away
			err.println("oauthctl: " + Printable.of(ex) + " (--verbose shows where)");
		}
		err.flush();
	}

}

package dev.oauthplatform.cli;

import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a command line picocli could not parse, except that a value given to --password is
 * never repeated back: a password on the command line shows in ps and the shell history, so it
 * is refused, and the error says how to give it instead.
 */
final class SecretSafeParameterErrors implements IParameterExceptionHandler {

	static final String PASSWORD_AS_ARGUMENT = "a password is never taken as an argument (it would show in ps"
			+ " and the shell history): leave it out to be asked for it, or pipe it in with --password-stdin";

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		if (passwordGivenAsValue(args)) {
			commandLine.getErr().println("oauthctl: " + PASSWORD_AS_ARGUMENT);
		}
		else {
			commandLine.getErr().println("oauthctl: " + ex.getMessage());
			CommandLine.UnmatchedArgumentException.printSuggestions(ex, commandLine.getErr());
			commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
		}
		commandLine.getErr().flush();
		return commandLine.getCommandSpec().exitCodeOnInvalidInput();
	}

	/** --password=VALUE, or --password followed by something that is not an option. */
	static boolean passwordGivenAsValue(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--password=")) {
				return true;
			}
			if (args[i].equals("--password") && i + 1 < args.length && !args[i + 1].startsWith("-")) {
				return true;
			}
		}
		return Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--password-stdin="));
	}

}

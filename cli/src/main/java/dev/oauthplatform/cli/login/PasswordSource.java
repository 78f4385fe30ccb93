package dev.oauthplatform.cli.login;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import dev.oauthplatform.cli.support.CliException;

/**
 * Where the password comes from: the terminal, without echo, or the first line of stdin
 * (--password-stdin, for scripts and password managers). Never an argument: arguments show in
 * ps and stay in the shell history.
 */
final class PasswordSource {

	static final String NO_TERMINAL = "No terminal to ask for the password on: pipe it in with --password-stdin"
			+ " (or better, use --device)";

	private PasswordSource() {
	}

	static char[] fromStdin(InputStream in) {
		try {
			String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isEmpty()) {
				throw new CliException("--password-stdin: no password on the first line of stdin");
			}
			return line.toCharArray();
		}
		catch (IOException ex) {
			throw new CliException("--password-stdin: cannot read stdin: " + ex.getMessage(), ex);
		}
	}

	static char[] fromTerminal(String username) {
		Console console = System.console();
		if (console == null || !isTerminal(console)) {
			throw new CliException(NO_TERMINAL);
		}
		char[] password = console.readPassword("Password for %s: ", username);
		if (password == null || password.length == 0) {
			throw new CliException("No password given");
		}
		return password;
	}

	/**
	 * From JDK 22 System.console() is not null when stdin is a pipe either; Console.isTerminal()
	 * tells, but is not in 17's API, hence the reflection.
	 */
	private static boolean isTerminal(Console console) {
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true; // before JDK 22, a console exists only on a terminal
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}

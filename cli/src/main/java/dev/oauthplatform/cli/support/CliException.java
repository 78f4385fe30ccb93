package dev.oauthplatform.cli.support;

/**
 * A failure the user can act on: its message is the one line oauthctl prints (no stack trace
 * unless --verbose), and the command exits with {@link #EXIT_CODE}.
 */
public class CliException extends RuntimeException {

	public static final int EXIT_CODE = 1;

	public CliException(String message) {
		super(message);
	}

	public CliException(String message, Throwable cause) {
		super(message, cause);
	}

}

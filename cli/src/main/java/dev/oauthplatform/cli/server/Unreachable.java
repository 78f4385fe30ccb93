package dev.oauthplatform.cli.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.oauthplatform.cli.CliException;

/** "Cannot reach URL: why", in the words of the network rather than of a Java exception. */
public final class Unreachable {

	private Unreachable() {
	}

	public static CliException of(Object where, IOException ex) {
		return new CliException("Cannot reach " + where + ": " + reason(ex), ex);
	}

	private static String reason(IOException ex) {
		if (ex instanceof UnknownHostException) {
			return "unknown host " + ex.getMessage();
		}
		if (ex instanceof SocketTimeoutException) {
			return "no answer within 10 s";
		}
		if (ex instanceof ConnectException && ex.getMessage() != null) {
			return ex.getMessage().toLowerCase(Locale.ROOT);
		}
		return String.valueOf(ex.getMessage());
	}

}

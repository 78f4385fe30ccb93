package dev.oauthplatform.cli.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import dev.oauthplatform.cli.support.CliException;

/** "Cannot reach URL: why", in the words of the network rather than of a Java exception. */
public final class Unreachable {

	private Unreachable() {
	}

	public static CliException of(Object where, IOException ex) {
		return new CliException("Cannot reach " + where + ": " + reason(ex), ex);
	}

	/** When {@code ex} is a failure to talk to the server at all (rather than a bad answer). */
	static void rethrowIfNetwork(Object where, Exception ex) {
		if (ex instanceof SocketException || ex instanceof UnknownHostException || ex instanceof SocketTimeoutException
				|| ex instanceof SSLException) {
			throw of(where, (IOException) ex);
		}
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

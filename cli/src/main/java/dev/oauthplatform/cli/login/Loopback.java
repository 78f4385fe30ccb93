package dev.oauthplatform.cli.login;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a URI names this machine: by the name localhost or a loopback address literal, never by
 * a DNS lookup (a name that resolves to 127.0.0.1 today may not tomorrow).
 */
final class Loopback {

	private Loopback() {
	}

	static boolean is(URI uri) {
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
	}

	/** A plain http URI to another machine: what it carries crosses the network unencrypted. */
	static boolean isPlainHttpElsewhere(URI uri) {
		return "http".equalsIgnoreCase(uri.getScheme()) && !is(uri);
	}

}

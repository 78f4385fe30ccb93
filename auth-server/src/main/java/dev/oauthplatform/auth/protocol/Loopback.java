package dev.oauthplatform.auth.protocol;

import java.util.Locale;
import java.util.Set;

/**
 * The one place plain http is allowed: a loopback host, where nothing leaves the machine
 * (RFC 6749 §3.1.2.1 asks TLS of every other redirect). Redirect URIs, a client's browser
 * origins and the issuer of a {@code prod} server all follow this rule.
 * <p>
 * Two meanings, kept apart: a loopback <em>host</em> includes {@code localhost}; a loopback
 * <em>IP literal</em> does not. Native apps must use the IP literals (RFC 8252 §8.3:
 * {@code localhost} may resolve elsewhere or be firewalled), and only they match on any port
 * (RFC 8252 §7.3).
 */
public final class Loopback {

	/** The loopback hosts, as an error message names them. */
	public static final String HOSTS_NAMED = "localhost, 127.0.0.1, [::1]";

	/** Hosts by name or address as {@link java.net.URI#getHost()} answers them (IPv6 in brackets). */
	private static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final Set<String> IP_LITERALS = Set.of("127.0.0.1", "[::1]");

	private Loopback() {
	}

	/** {@code localhost}, 127.0.0.1 or [::1], in any case; false for null. */
	public static boolean isHost(String host) {
		return host != null && HOSTS.contains(host.toLowerCase(Locale.ROOT));
	}

	/** 127.0.0.1 or [::1] (RFC 8252 §7.3), not {@code localhost}; false for null. */
	public static boolean isIpLiteral(String host) {
		return host != null && IP_LITERALS.contains(host);
	}

	/** https to any host, or http only to a loopback host; false without a host. */
	public static boolean httpsOrLoopbackHttp(String scheme, String host) {
		if (scheme == null || host == null || host.isEmpty()) {
			return false;
		}
		return scheme.equalsIgnoreCase("https") || (scheme.equalsIgnoreCase("http") && isHost(host));
	}

}

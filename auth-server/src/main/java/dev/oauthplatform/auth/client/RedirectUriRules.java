package dev.oauthplatform.auth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import dev.oauthplatform.auth.protocol.Loopback;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.redirectUri;

/**
 * What a registered redirect URI may be (RFC 6749 §3.1.2, RFC 9700 §2.1, RFC 8252 §7): absolute,
 * exact (no wildcard, no fragment), https except on loopback hosts, private-use schemes only
 * for native apps, and native loopback redirects on IP literals, not {@code localhost}.
 */
final class RedirectUriRules {

	private static final Set<String> NEVER = Set.of("javascript", "data", "file", "vbscript", "about", "blob");

	private static final int MAX_LENGTH = 2000;

	private RedirectUriRules() {
	}

	static void check(String uri, ClientType type) {
		if (uri != null && uri.contains("*")) {
			throw redirectUri(uri, "wildcards not allowed: register each redirect URI exactly");
		}
		if (uri != null && uri.contains("#")) {
			throw redirectUri(uri, "fragment not allowed (RFC 6749 §3.1.2)");
		}
		URI parsed = parse(uri);
		String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
		if (NEVER.contains(scheme)) {
			throw redirectUri(uri, "scheme '" + scheme + "' not allowed");
		}
		if (scheme.equals("http") || scheme.equals("https")) {
			checkWebUri(uri, parsed, scheme, type);
		}
		else {
			checkPrivateUseScheme(uri, scheme, type);
		}
	}

	private static URI parse(String uri) {
		if (uri == null || uri.isBlank()) {
			throw redirectUri(String.valueOf(uri), "empty");
		}
		if (uri.length() > MAX_LENGTH) {
			throw redirectUri(uri.substring(0, 50) + "...", "longer than " + MAX_LENGTH + " characters");
		}
		try {
			URI parsed = new URI(uri);
			if (!parsed.isAbsolute()) {
				throw redirectUri(uri, "must be absolute, with a scheme (https://app.example.com/callback)");
			}
			return parsed;
		}
		catch (URISyntaxException ex) {
			throw redirectUri(uri, "not a valid URI (" + ex.getReason() + ")");
		}
	}

	private static void checkWebUri(String uri, URI parsed, String scheme, ClientType type) {
		String host = parsed.getHost();
		if (host == null || host.isEmpty()) {
			throw redirectUri(uri, "must name a host");
		}
		if (parsed.getRawUserInfo() != null) {
			throw redirectUri(uri, "user info (user@host) not allowed");
		}
		if (!Loopback.httpsOrLoopbackHttp(scheme, host)) {
			throw redirectUri(uri, "http only for loopback hosts (" + Loopback.HOSTS_NAMED + "); use https");
		}
		if (type == ClientType.NATIVE && scheme.equals("http") && !Loopback.isIpLiteral(host)) {
			// the any-port match is for IP literals only: promising it for localhost would be a lie
			throw redirectUri(uri, "native apps use 127.0.0.1 or [::1] rather than localhost (RFC 8252 §8.3); "
					+ "a loopback IP redirect then matches on any port");
		}
	}

	/** RFC 8252 §7.1: a reversed domain name the app's publisher controls, e.g. com.example.app. */
	private static void checkPrivateUseScheme(String uri, String scheme, ClientType type) {
		if (type != ClientType.NATIVE) {
			throw redirectUri(uri, "private-use schemes only for native clients; use https");
		}
		if (!scheme.contains(".")) {
			throw redirectUri(uri, "a private-use scheme must be a reversed domain name you control, "
					+ "such as com.example.app (RFC 8252 §7.1)");
		}
	}

}

package dev.oauthplatform.auth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import dev.oauthplatform.auth.protocol.Loopback;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * A web origin (RFC 6454): {@code scheme://host[:port]}, serialized as a browser sends it in
 * {@code Origin} (lower case, no default port), so that origins compare as strings.
 */
final class WebOrigin {

	private static final int MAX_LENGTH = 300;

	private WebOrigin() {
	}

	/** The origin of an http(s) redirect URI; none for a private-use scheme (a native app's, no browser origin). */
	static Optional<String> ofRedirectUri(String redirectUri) {
		try {
			URI uri = new URI(redirectUri);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				return Optional.empty();
			}
			return Optional.of(serialize(scheme, uri.getHost(), uri.getPort()));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * An origin an admin adds: only scheme, host and port (no path, not even "/"), https, or http
	 * on a loopback host as for redirect URIs. Answers it in its serialized form.
	 */
	static String checkAllowed(String origin) {
		if (origin == null || origin.isBlank() || origin.length() > MAX_LENGTH) {
			throw invalid(String.valueOf(origin), "must be scheme://host[:port], at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(origin);
		}
		catch (URISyntaxException ex) {
			throw invalid(origin, "not a valid origin (" + ex.getReason() + ")");
		}
		if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
				|| !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null
				|| origin.contains("*")) {
			throw invalid(origin, "must be scheme://host[:port] only: no path, query, wildcard or user info "
					+ "(https://app.example.com)");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!Loopback.httpsOrLoopbackHttp(scheme, uri.getHost())) {
			throw invalid(origin, "https, or http only for loopback hosts (" + Loopback.HOSTS_NAMED + ")");
		}
		return serialize(scheme, uri.getHost(), uri.getPort());
	}

	private static String serialize(String scheme, String host, int port) {
		boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
				|| (scheme.equals("http") && port == 80);
		return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

	private static InvalidClientMetadataException invalid(String origin, String reason) {
		return metadata("Allowed CORS origin '" + origin + "': " + reason);
	}

}

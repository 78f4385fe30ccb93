package dev.oauthplatform.admin.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The redirect URI rules of auth-server's admin API, checked before the form is sent so the
 * reason shows next to the field. auth-server checks again and stays the authority; this is the
 * same list as static/js/redirect-uris.js.
 */
public final class RedirectUriCheck {

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final String NATIVE_LOCALHOST = "native apps use 127.0.0.1 or [::1] rather than localhost "
			+ "(RFC 8252 §8.3); a loopback IP redirect then matches on any port";

	private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about",
			"blob");

	private static final int MAX_LENGTH = 2000;

	private RedirectUriCheck() {
	}

	/** One URI per line; blank lines and surrounding spaces are dropped. */
	public static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** Why auth-server would refuse this redirect URI for this type, or empty when it is fine. */
	public static Optional<String> problem(String uri, ClientType type) {
		if (uri.length() > MAX_LENGTH) {
			return Optional.of("longer than " + MAX_LENGTH + " characters");
		}
		if (uri.contains("*")) {
			return Optional.of("no wildcards: redirect URIs are matched exactly");
		}
		URI parsed;
		try {
			parsed = new URI(uri);
		}
		catch (URISyntaxException ex) {
			return Optional.of("not a valid URI");
		}
		if (!parsed.isAbsolute()) {
			return Optional.of("must be absolute, with a scheme (https://...)");
		}
		if (parsed.getRawFragment() != null) {
			return Optional.of("no fragment (#...) allowed");
		}
		return schemeProblem(parsed, type);
	}

	private static Optional<String> schemeProblem(URI uri, ClientType type) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (FORBIDDEN_SCHEMES.contains(scheme)) {
			return Optional.of("the " + scheme + " scheme is never allowed");
		}
		if (scheme.equals("https") || scheme.equals("http")) {
			return webProblem(uri, scheme, type);
		}
		if (type != ClientType.NATIVE) {
			return Optional.of("private-use schemes are for native apps only; use https");
		}
		if (!scheme.contains(".")) {
			return Optional.of("a private-use scheme must be a reversed domain name, "
					+ "like com.example.app:/callback (RFC 8252 §7.1)");
		}
		return Optional.empty();
	}

	private static Optional<String> webProblem(URI uri, String scheme, ClientType type) {
		if (uri.getRawAuthority() == null || uri.getHost() == null) {
			return Optional.of("needs a host");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("no user name or password in the URI");
		}
		if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
			return Optional.of("http only for loopback hosts (localhost, 127.0.0.1, [::1]); use https");
		}
		if (type == ClientType.NATIVE && scheme.equals("http") && uri.getHost().equalsIgnoreCase("localhost")) {
			return Optional.of(NATIVE_LOCALHOST);
		}
		return Optional.empty();
	}

	public static boolean isLoopbackHttp(String uri) {
		try {
			URI parsed = new URI(uri);
			return "http".equalsIgnoreCase(parsed.getScheme()) && parsed.getHost() != null
					&& LOOPBACK_HOSTS.contains(parsed.getHost().toLowerCase(Locale.ROOT));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}

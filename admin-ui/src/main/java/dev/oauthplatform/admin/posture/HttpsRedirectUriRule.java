package dev.oauthplatform.admin.posture;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Codes travel to the redirect URI: over TLS, except a native app's own loopback listener,
 * which RFC 8252 recommends. A web or single-page client on http://localhost is a development
 * setup: allowed, but flagged.
 */
final class HttpsRedirectUriRule implements PostureRule {

	static final String ID = "https-redirect-uris";

	private static final String REFERENCE = "RFC 6749 §3.1.2.1, RFC 8252 §7.3";

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (client.redirectUris().isEmpty()) {
			return Optional.empty();
		}
		List<String> loopback = client.redirectUris().stream().filter(HttpsRedirectUriRule::isLoopbackHttp).toList();
		if (loopback.isEmpty()) {
			return Optional.of(Finding.pass(ID, "Redirect URIs use https",
					client.isNative()
							? "Every redirect URI is https or a private-use scheme of the app (RFC 8252 §7.1)."
							: "Every redirect URI is https: codes travel encrypted.",
					REFERENCE));
		}
		if (client.isNative()) {
			return Optional.of(Finding.pass(ID, "Loopback redirect for a native app",
					"http on the loopback interface (" + String.join(", ", loopback) + ") never leaves the device; "
							+ "it is what RFC 8252 recommends for desktop apps, with any port at request time.",
					REFERENCE));
		}
		return Optional.of(Finding.warn(ID, "Plain http redirect URI",
				String.join(", ", loopback) + " uses http on a loopback host: fine for development, but in "
						+ "production register the https address of the deployed application instead.",
				REFERENCE));
	}

	/**
	 * Plain http to a loopback host: a registered URI the server accepted, so this only tells
	 * development setups apart; what may be registered is auth-server's to say.
	 */
	private static boolean isLoopbackHttp(String uri) {
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

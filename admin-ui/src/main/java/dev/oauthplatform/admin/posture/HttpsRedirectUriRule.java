package dev.oauthplatform.admin.posture;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Codes travel to the redirect URI: over TLS, except a native app's own loopback listener,
 * which RFC 8252 recommends. A web or single-page client on plain http is a development setup:
 * allowed, but flagged.
 * <p>
 * Which http redirect URIs may be registered is auth-server's rule, not the console's: it
 * accepts http only on a loopback host, and for a native app only on a loopback IP literal
 * (127.0.0.1 or [::1], RFC 8252 §8.3). The URIs judged here are ones it accepted, so this rule
 * reads only their scheme and keeps no list of loopback hosts that could disagree with it.
 */
final class HttpsRedirectUriRule implements PostureRule {

	static final String ID = "https-redirect-uris";

	private static final String REFERENCE = "RFC 6749 §3.1.2.1, RFC 8252 §7.3";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (client.redirectUris().isEmpty()) {
			return Optional.empty();
		}
		List<String> plainHttp = client.redirectUris().stream().filter(HttpsRedirectUriRule::isHttp).toList();
		if (plainHttp.isEmpty()) {
			return Optional.of(Finding.pass(ID, "Redirect URIs use https",
					client.isNative()
							? "Every redirect URI is https or a private-use scheme of the app (RFC 8252 §7.1)."
							: "Every redirect URI is https: codes travel encrypted.",
					REFERENCE));
		}
		if (client.isNative()) {
			return Optional.of(Finding.pass(ID, "Loopback redirect for a native app",
					"http on the loopback interface (" + String.join(", ", plainHttp) + ") never leaves the device; "
							+ "it is what RFC 8252 recommends for desktop apps, with any port at request time.",
					REFERENCE));
		}
		return Optional.of(Finding.warn(ID, "Plain http redirect URI",
				String.join(", ", plainHttp) + " uses http on a loopback host: fine for development, but in "
						+ "production register the https address of the deployed application instead.",
				REFERENCE));
	}

	/** Plain http: auth-server registered it, so it is on a loopback host (see the class comment). */
	private static boolean isHttp(String uri) {
		try {
			return "http".equalsIgnoreCase(new URI(uri).getScheme());
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}

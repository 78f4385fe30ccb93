package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Optional;

/** RFC 9700 §2.1: redirect URIs compared by exact string matching. auth-server always does. */
final class ExactRedirectUriRule implements PostureRule {

	static final String ID = "exact-redirect-uris";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (!client.hasGrant("authorization_code")) {
			return Optional.empty();
		}
		return Optional.of(Finding.pass(ID, "Redirect URIs match exactly",
				"auth-server compares the redirect URI string for string with the registered ones, without "
						+ "wildcards or pattern matching (only a native app's loopback URI may vary its port, RFC 8252 §7.3). "
						+ "This is enforced for every client; nothing to configure.",
				"RFC 9700 §2.1"));
	}

}

package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Optional;

/** RFC 9700 §2.1.1: PKCE on every authorization code flow, confidential clients included. */
final class PkceRule implements PostureRule {

	static final String ID = "pkce";

	private static final String REFERENCE = "RFC 9700 §2.1.1";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (!client.hasGrant("authorization_code")) {
			return Optional.empty();
		}
		if (client.requirePkce()) {
			return Optional.of(Finding.pass(ID, "PKCE is required",
					"Every authorization request must carry an S256 code challenge, so a stolen or injected "
							+ "authorization code cannot be redeemed.",
					REFERENCE));
		}
		return Optional.of(Finding.warn(ID, "PKCE is off",
				"This client may use the code flow without PKCE: a code that leaks or is injected into its "
						+ "callback can be redeemed by someone else. Its secret alone does not stop code injection. "
						+ "Turn PKCE on once the client sends code_challenge (most libraries do).",
				REFERENCE).withFix("Require PKCE"));
	}

}

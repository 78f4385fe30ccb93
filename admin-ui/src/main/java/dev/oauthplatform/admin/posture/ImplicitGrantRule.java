package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Optional;

/** RFC 9700 §2.1.2: no implicit grant. auth-server does not offer it at all. */
final class ImplicitGrantRule implements PostureRule {

	static final String ID = "implicit";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (!client.hasGrant("authorization_code")) {
			return Optional.empty();
		}
		return Optional.of(Finding.pass(ID, "No implicit grant",
				"auth-server never returns tokens in the redirect (no response_type=token): they would land in "
						+ "browser history and logs, bound to no client.",
				"RFC 9700 §2.1.2"));
	}

}

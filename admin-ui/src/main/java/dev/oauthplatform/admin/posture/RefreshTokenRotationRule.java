package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Optional;

/**
 * RFC 9700 §2.2.2 and §4.14: a public client's refresh tokens must be sender-constrained or
 * rotated. auth-server rotates them on every use and revokes the family on reuse.
 */
final class RefreshTokenRotationRule implements PostureRule {

	static final String ID = "refresh-rotation";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (!client.isPublic() || !client.hasGrant("refresh_token")) {
			return Optional.empty();
		}
		return Optional.of(Finding.pass(ID, "Refresh tokens rotate",
				"This client has no secret, so a stolen refresh token would otherwise work for whoever holds "
						+ "it. auth-server issues a new refresh token on every refresh and, when an old one is "
						+ "used again, revokes the whole family.",
				"RFC 9700 §2.2.2, §4.14"));
	}

}

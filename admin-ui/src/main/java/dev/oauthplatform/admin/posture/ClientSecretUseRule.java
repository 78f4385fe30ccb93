package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Optional;

/**
 * A confidential client's secret: when it was last used, and whether a rotated-out secret is
 * still in use during its grace period (the client was not redeployed with the new one yet).
 */
final class ClientSecretUseRule implements PostureRule {

	static final String ID = "secret-use";

	private static final String REFERENCE = "RFC 9700 §2.5";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (client.isPublic()) {
			return Optional.empty();
		}
		if (client.previousSecretExpiresAt() != null && client.previousSecretLastUsedAt() != null) {
			return Optional.of(Finding.warn(ID, "The old secret is still in use",
					"The previous secret was last used " + client.previousSecretLastUsedAt() + " and stops working "
							+ client.previousSecretExpiresAt() + ". Deploy the new secret to the client before then.",
					REFERENCE));
		}
		String lastUsed = (client.clientSecretLastUsedAt() != null)
				? "last used " + client.clientSecretLastUsedAt() : "not used yet";
		return Optional.of(Finding.pass(ID, "Client secret",
				"The current secret was " + lastUsed + ". It is stored only as a hash; rotate it, with a grace "
						+ "period, whenever it may have leaked or someone who knew it left.",
				REFERENCE));
	}

}

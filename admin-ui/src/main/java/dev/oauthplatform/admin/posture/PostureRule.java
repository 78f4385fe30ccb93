package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Optional;

/**
 * One recommendation, checked from the client's metadata and, where the advice depends on it, the
 * grants auth-server announces (empty when unknown); empty when it does not apply.
 */
interface PostureRule {

	Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported);

}

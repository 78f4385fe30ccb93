package dev.oauthplatform.admin.posture;

import java.util.Optional;

/** One recommendation, checked from the client's metadata alone; empty when it does not apply. */
interface PostureRule {

	Optional<Finding> check(ClientSettings client);

}

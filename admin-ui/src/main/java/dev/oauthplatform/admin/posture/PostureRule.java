package dev.oauthplatform.admin.posture;

import java.util.Optional;

import dev.oauthplatform.admin.client.ClientDetails;

/** One recommendation, checked from the client's metadata alone; empty when it does not apply. */
interface PostureRule {

	Optional<Finding> check(ClientDetails client);

}

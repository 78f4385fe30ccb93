package dev.oauthplatform.auth.audit;

import java.util.Optional;

/**
 * What the audit trail needs from the users (implemented by {@code user/}): sessions and tokens
 * name a user by id, the trail by username.
 */
public interface Usernames {

	Optional<String> usernameOf(String userId);

}

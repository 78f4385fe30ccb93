package dev.oauthplatform.auth.user;

/**
 * Ends a user's browser sessions at once, on every instance: {@link UserAccounts} calls it when
 * an account is disabled, deleted, given a new password or new roles. Implemented by
 * {@code session/}, which {@code user/} must not depend on. The session version
 * ({@link AppUser#endSessions()}) stays the guarantee: a session this misses (one being saved at
 * the same moment) still ends at its next request.
 */
public interface UserSessions {

	/**
	 * Deletes every session signed in as this user (by id, the sessions' principal name); within a
	 * transaction, once it commits: should the change roll back, the sessions stay, as the account does.
	 */
	void endAll(String userId);

}

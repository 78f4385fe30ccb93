package dev.oauthplatform.auth.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.audit.Usernames;

/** The audit trail names users by username; sessions and tokens by id. */
@Component
class AuditUsernames implements Usernames {

	private final AppUserRepository users;

	AuditUsernames(AppUserRepository users) {
		this.users = users;
	}

	@Override
	public Optional<String> usernameOf(String userId) {
		return this.users.findById(userId).map(AppUser::getUsername);
	}

}

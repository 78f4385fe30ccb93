package dev.oauthplatform.auth.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.token.TokenSubjects;

/** Who a token may name: a user that still exists and is enabled. */
@Component
class UserTokenSubjects implements TokenSubjects {

	private final AppUserRepository users;

	UserTokenSubjects(AppUserRepository users) {
		this.users = users;
	}

	@Override
	public Optional<TokenSubject> findActive(String userId) {
		return this.users.findById(userId)
			.filter(AppUser::isEnabled)
			.map((user) -> new TokenSubject(user.getId(), user.getUsername()));
	}

}

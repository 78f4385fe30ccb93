package dev.oauthplatform.auth.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users for the login form and the password grant. Returns Spring's own {@link User}, which the
 * authorization store can serialize without widening Jackson's allow-list, named by the user's
 * immutable id: that name keys sessions, grants and consents, so a later user who takes a deleted
 * user's username inherits none of them. Pages show the username ({@link SignedInUser}).
 */
@Service
public class AppUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	public AppUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		AppUser user = this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return User.withUsername(user.getId())
			.password(user.getPasswordHash())
			.roles(user.getRoles().toArray(String[]::new))
			.disabled(!user.isEnabled())
			.build();
	}

}

package dev.oauthplatform.auth.user;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates users with their password hashed. */
@Service
public class UserAccounts {

	private final AppUserRepository users;

	private final PasswordEncoder passwordEncoder;

	public UserAccounts(AppUserRepository users, PasswordEncoder passwordEncoder) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional
	public AppUser create(String username, String password, String email, Set<String> roles) {
		AppUser user = new AppUser();
		user.setId(UUID.randomUUID().toString());
		user.setUsername(username);
		user.setPasswordHash(this.passwordEncoder.encode(password));
		user.setEmail(email);
		user.setRoles(new LinkedHashSet<>(roles));
		user.setCreatedAt(Instant.now());
		return this.users.save(user);
	}

}

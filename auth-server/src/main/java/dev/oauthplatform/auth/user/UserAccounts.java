package dev.oauthplatform.auth.user;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.consent.ConsentWithdrawal;
import dev.oauthplatform.auth.token.Authorizations;

/**
 * Creates, changes and deletes users. Anything that should end a user's sessions (disabling,
 * a new password, new roles, deletion) ends their browser sessions: deletes them at once
 * ({@link UserSessions}) and bumps the user's session version ({@link AppUser#endSessions()}),
 * which ends any session the deletion missed at its next request;
 * all but new roles also revoke their grants, so their refresh tokens stop working. A new password
 * also clears the user's failed sign-in counter. Grants and consents are keyed by the user's id.
 */
@Service
public class UserAccounts {

	public static final String ADMIN_ROLE = "ADMIN";

	private final AppUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Authorizations authorizations;

	private final ConsentWithdrawal consents;

	private final ThrottleEntries throttle;

	private final UserSessions sessions;

	public UserAccounts(AppUserRepository users, PasswordEncoder passwordEncoder, Authorizations authorizations,
			ConsentWithdrawal consents, ThrottleEntries throttle, UserSessions sessions) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.authorizations = authorizations;
		this.consents = consents;
		this.throttle = throttle;
		this.sessions = sessions;
	}

	/** For bootstrap and tests: the operator chose these values; no policy applies. */
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

	/** An admin's request: the username, email, roles and password policies apply. */
	@Transactional
	public AppUser register(String username, String password, String email, Collection<String> roles) {
		UserFieldPolicy.checkUsername(username);
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw InvalidUserException.usernameTaken(username);
		}
		PasswordPolicy.check(username, password);
		return create(username, password, UserFieldPolicy.email(email),
				(roles != null) ? UserFieldPolicy.roles(roles) : Set.of("USER"));
	}

	/** Changes only what is given (non-null). */
	@Transactional
	public Optional<AppUser> update(String id, String email, Collection<String> roles, Boolean enabled) {
		return this.users.findById(id).map((user) -> {
			if (email != null) {
				user.setEmail(UserFieldPolicy.email(email));
			}
			if (roles != null) {
				Set<String> newRoles = UserFieldPolicy.roles(roles);
				if (!newRoles.contains(ADMIN_ROLE)) {
					requireAnotherAdmin(user);
				}
				if (!newRoles.equals(user.getRoles())) {
					// a session holds the roles it signed in with
					endSessions(user);
				}
				user.setRoles(newRoles);
			}
			if (enabled != null && user.isEnabled() != enabled) {
				if (!enabled) {
					requireAnotherAdmin(user);
					this.authorizations.revokeAllOfUser(user.getId());
					endSessions(user);
				}
				user.setEnabled(enabled);
			}
			return user;
		});
	}

	@Transactional
	public Optional<AppUser> resetPassword(String id, String password) {
		return this.users.findById(id).map((user) -> {
			PasswordPolicy.check(user.getUsername(), password);
			user.setPasswordHash(this.passwordEncoder.encode(password));
			this.authorizations.revokeAllOfUser(user.getId());
			endSessions(user);
			// whoever was locked out by failed guesses, from any address, may try the new password at once
			this.throttle.clearUser(user.getUsername());
			return user;
		});
	}

	/** The id is never reused: a later user of the same name is a different {@code sub}. */
	@Transactional
	public boolean delete(String id) {
		return this.users.findById(id).map((user) -> {
			requireAnotherAdmin(user);
			// the sessions end too (any the deletion missed: their principal id no longer finds a user)
			this.sessions.endAll(user.getId());
			this.authorizations.revokeAllOfUser(user.getId());
			this.consents.forgetAllOfUser(user.getId());
			this.users.delete(user);
			return true;
		}).orElse(false);
	}

	private void endSessions(AppUser user) {
		user.endSessions();
		this.sessions.endAll(user.getId());
	}

	/** Nobody could administer the server again: refuse to disable, demote or delete the last admin. */
	private void requireAnotherAdmin(AppUser user) {
		if (!user.isEnabled() || !user.getRoles().contains(ADMIN_ROLE)) {
			return;
		}
		boolean another = this.users.findEnabledWithRoleLike("%" + ADMIN_ROLE + "%")
			.stream()
			.anyMatch((other) -> !other.getId().equals(user.getId()) && other.getRoles().contains(ADMIN_ROLE));
		if (!another) {
			throw InvalidUserException.lastAdmin();
		}
	}

}

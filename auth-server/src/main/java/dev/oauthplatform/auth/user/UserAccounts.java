package dev.oauthplatform.auth.user;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

	private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cc}]{1,64}@[^@\\s\\p{Cc}]{1,255}");

	/** RFC 5321's limit, counted as the database counts: in UTF-16 chars, not code points. */
	private static final int MAX_EMAIL = 320;

	/** Eight of 50 characters fit the roles column (500). */
	private static final int MAX_ROLES = 8;

	/** Spring Security adds it: a stored "ROLE_ADMIN" would make the user unable to sign in at all. */
	private static final String ROLE_PREFIX = "ROLE_";

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
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw InvalidUserException.request(
					"username must be 1-100 characters: letters, digits, '.', '_', '@', '+' or '-'");
		}
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw InvalidUserException.usernameTaken(username);
		}
		PasswordPolicy.check(username, password);
		return create(username, password, email(email), (roles != null) ? roles(roles) : Set.of("USER"));
	}

	/** Changes only what is given (non-null). */
	@Transactional
	public Optional<AppUser> update(String id, String email, Collection<String> roles, Boolean enabled) {
		return this.users.findById(id).map((user) -> {
			if (email != null) {
				user.setEmail(email(email));
			}
			if (roles != null) {
				Set<String> newRoles = roles(roles);
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

	private static String email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		if (email.length() > MAX_EMAIL) {
			throw InvalidUserException.request("email must be at most " + MAX_EMAIL + " characters");
		}
		if (!EMAIL.matcher(email).matches()) {
			throw InvalidUserException.request("email '" + email + "' is not an email address");
		}
		return email;
	}

	private static Set<String> roles(Collection<String> roles) {
		Set<String> normalized = new LinkedHashSet<>();
		for (String role : roles) {
			String upper = (role != null) ? role.toUpperCase(Locale.ROOT) : "";
			if (!ROLE.matcher(upper).matches()) {
				throw InvalidUserException.request("role '" + role + "' must be a letter then letters, digits or '_'");
			}
			if (upper.startsWith(ROLE_PREFIX)) {
				throw InvalidUserException.request("role '" + role + "': write it without the ROLE_ prefix ("
						+ upper.substring(ROLE_PREFIX.length()) + ")");
			}
			normalized.add(upper);
		}
		if (normalized.size() > MAX_ROLES) {
			throw InvalidUserException.request("a user holds at most " + MAX_ROLES + " roles");
		}
		return normalized;
	}

}

package dev.oauthplatform.auth.user;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What an admin may give a user as username, email and roles ({@link PasswordPolicy} has the password's). */
final class UserFieldPolicy {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

	private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cc}]{1,64}@[^@\\s\\p{Cc}]{1,255}");

	/** RFC 5321's limit, counted as the database counts: in UTF-16 chars, not code points. */
	private static final int MAX_EMAIL = 320;

	/** Eight of 50 characters fit the roles column (500). */
	private static final int MAX_ROLES = 8;

	/** Spring Security adds it: a stored "ROLE_ADMIN" would make the user unable to sign in at all. */
	private static final String ROLE_PREFIX = "ROLE_";

	private UserFieldPolicy() {
	}

	static void checkUsername(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw InvalidUserException.request(
					"username must be 1-100 characters: letters, digits, '.', '_', '@', '+' or '-'");
		}
	}

	/** The email to store: null for none given. */
	static String email(String email) {
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

	/** The roles to store, in upper case. */
	static Set<String> roles(Collection<String> roles) {
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

package dev.oauthplatform.auth.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * NIST SP 800-63B §5.1.1.2: length over composition rules, and no password from breach lists.
 * The upper bound is bcrypt's: it reads only the first 72 bytes.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	private static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = load("user/common-passwords.txt");

	private PasswordPolicy() {
	}

	static void check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw InvalidUserException.password("the password must have at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw InvalidUserException.password("the password must be at most " + MAX_BYTES + " bytes (bcrypt's limit)");
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(folded) || folded.equals(username.toLowerCase(Locale.ROOT))) {
			throw InvalidUserException.password("this password is too common or is the username: choose another");
		}
	}

	private static Set<String> load(String resource) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

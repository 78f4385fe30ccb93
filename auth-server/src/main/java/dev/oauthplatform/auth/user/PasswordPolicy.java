package dev.oauthplatform.auth.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * NIST SP 800-63B §5.1.1.2: length over composition rules, and no password from breach lists.
 * The upper bound is bcrypt's: it reads only the first 72 bytes. Public for the production check
 * at start-up, which refuses an admin password below it.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	private static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = load("user/common-passwords.txt");

	private PasswordPolicy() {
	}

	static void check(String username, String password) {
		Optional<String> problem = problem(username, password);
		if (problem.isPresent()) {
			throw InvalidUserException.password(problem.get());
		}
	}

	/** What is wrong with the password, said to the person choosing it; empty if nothing is. */
	public static Optional<String> problem(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("the password must have at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("the password must be at most " + MAX_BYTES + " bytes (bcrypt's limit)");
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(folded) || folded.equals(String.valueOf(username).toLowerCase(Locale.ROOT))) {
			return Optional.of("this password is too common or is the username: choose another");
		}
		return Optional.empty();
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

package dev.oauthplatform.auth.grant.device;

import java.util.Locale;
import java.util.Optional;

/**
 * How people type user codes (RFC 8628 §6.1): the framework issues 8 letters from 20 consonants,
 * shown {@code BCDF-GHJK}; typed in any case, with or without the dash or spaces, they mean the
 * same code. Anything that cannot be one is refused before any look-up.
 */
final class UserCodes {

	private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

	private static final int LENGTH = 8;

	private UserCodes() {
	}

	/** The code as issued and stored, or empty when the input cannot be a user code. */
	static Optional<String> normalize(String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
		if (letters.length() != LENGTH || !letters.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(letters.substring(0, 4) + "-" + letters.substring(4));
	}

}

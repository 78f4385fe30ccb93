package dev.oauthplatform.auth.token;

import java.util.Optional;

/** What tokens need to know of the people they are issued to: {@code user/} answers. */
public interface TokenSubjects {

	/** The user with this immutable id, if they may still get tokens (they exist and are enabled). */
	Optional<TokenSubject> findActive(String userId);

	/** @param id the token's {@code sub} @param username its {@code preferred_username} */
	record TokenSubject(String id, String username) {
	}

}

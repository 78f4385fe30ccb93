package dev.oauthplatform.auth.user;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link LoginThrottle} in front of the password check shared by the login form and the
 * password grant. A throttled attempt is refused before its password is hashed, so floods cost
 * no bcrypt; a wrong password and an unknown username count alike, so the throttle does not tell
 * which usernames exist.
 */
public final class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	public ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String address = clientAddress(attempt);
		this.throttle.blockedFor(username, address).ifPresent((wait) -> {
			throw new LoginThrottledException(wait);
		});
		try {
			Authentication user = this.passwords.authenticate(attempt);
			this.throttle.recordSuccess(username);
			return user;
		}
		catch (BadCredentialsException | UsernameNotFoundException ex) {
			this.throttle.recordFailure(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

	/**
	 * The request's remote address: the login form's filter and the token endpoint's both put it in
	 * the details. Behind a proxy it is the proxy's unless forwarded headers are trusted
	 * ({@code server.forward-headers-strategy}).
	 */
	private static String clientAddress(Authentication attempt) {
		return (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress() : null;
	}

}

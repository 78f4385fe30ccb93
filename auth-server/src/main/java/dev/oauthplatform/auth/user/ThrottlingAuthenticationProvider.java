package dev.oauthplatform.auth.user;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link LoginThrottle} in front of the password check shared by the login form and the
 * password grant. An attempt reserves its place before its password is hashed, so a parallel burst
 * gets no more than the limit through, and a throttled one is refused unhashed, so floods cost no
 * bcrypt. Every attempt whose password is not found right counts as a failure: a wrong password,
 * an unknown username and a disabled account alike, so the throttle does not tell which usernames
 * exist.
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
		LoginThrottle.Attempt reserved = this.throttle.reserve(attempt.getName(), clientAddress(attempt));
		Authentication user;
		try {
			user = this.passwords.authenticate(attempt);
		}
		catch (RuntimeException ex) {
			this.throttle.failed(reserved);
			throw ex;
		}
		if (user == null) {
			this.throttle.failed(reserved);
			return null;
		}
		this.throttle.succeeded(reserved);
		return user;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

	/**
	 * The request's remote address: the login form's filter and the token endpoint's both put it in
	 * the details. Tomcat takes it from X-Forwarded-For only when the peer is a configured proxy
	 * ({@code server.tomcat.remoteip.internal-proxies}, {@code AUTH_TRUSTED_PROXIES}).
	 */
	private static String clientAddress(Authentication attempt) {
		return (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress() : null;
	}

}

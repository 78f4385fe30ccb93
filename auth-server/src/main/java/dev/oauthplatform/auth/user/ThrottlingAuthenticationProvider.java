package dev.oauthplatform.auth.user;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link LoginThrottle} in front of the password check shared by the login form and the
 * password grant. The attempt is counted before its password is hashed, so a parallel burst gets
 * no more than the limit through, and a throttled one is refused unhashed, so floods cost no
 * bcrypt. Every attempt counts until its password is right: a wrong password, an unknown username
 * and a disabled account alike, so the throttle does not tell which usernames exist.
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
		LoginThrottle.Attempt counted = this.throttle.reserve(attempt.getName(), clientAddress(attempt));
		// Any exception leaves the attempt counted as a failure.
		Authentication user = this.passwords.authenticate(attempt);
		if (user != null) {
			this.throttle.succeeded(counted);
		}
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

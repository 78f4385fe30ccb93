package dev.oauthplatform.auth.user;

import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import dev.oauthplatform.auth.audit.AuditLog;
import dev.oauthplatform.auth.audit.AuditType;

/**
 * Puts {@link LoginThrottle} in front of the password check shared by the login form and the
 * password grant. An attempt reserves its place before its password is hashed, so a parallel burst
 * gets no more than the limit through, and a throttled one is refused unhashed, so floods cost no
 * bcrypt. Every attempt whose password is not found right counts as a failure: a wrong password,
 * an unknown username and a disabled account alike, so the throttle does not tell which usernames
 * exist. Each outcome is audited (succeeded, failed, throttled) under the username typed.
 */
public final class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	public ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String address = clientAddress(attempt);
		LoginThrottle.Attempt reserved;
		try {
			reserved = this.throttle.reserve(attempt.getName(), address);
		}
		catch (LoginThrottledException ex) {
			audit(AuditType.USER_SIGN_IN_THROTTLED, attempt, address);
			throw ex;
		}
		Authentication user;
		try {
			user = this.passwords.authenticate(attempt);
		}
		catch (RuntimeException ex) {
			this.throttle.failed(reserved);
			audit(AuditType.USER_SIGN_IN_FAILED, attempt, address);
			throw ex;
		}
		if (user == null) {
			this.throttle.failed(reserved);
			audit(AuditType.USER_SIGN_IN_FAILED, attempt, address);
			return null;
		}
		this.throttle.succeeded(reserved);
		audit(AuditType.USER_SIGN_IN_SUCCEEDED, attempt, address);
		return user;
	}

	private void audit(AuditType type, Authentication attempt, String address) {
		this.audit.record(type, attempt.getName(), address, client());
	}

	/** At the token endpoint (the password grant), the client that sent the user's password. */
	private static Map<String, String> client() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return (current instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated())
				? Map.of("client_id", client.getName()) : Map.of();
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

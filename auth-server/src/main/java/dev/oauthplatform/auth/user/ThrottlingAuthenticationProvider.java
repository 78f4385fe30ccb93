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
 * exist. Each outcome is audited (succeeded, failed, throttled) under the username typed, and
 * counted ({@link SignInMetrics}) on the form or password grant channel.
 */
public final class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final SignInMetrics metrics;

	public ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit,
			SignInMetrics metrics) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
		this.metrics = metrics;
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
			this.metrics.throttled(channel());
			throw ex;
		}
		Authentication user;
		try {
			user = this.passwords.authenticate(attempt);
		}
		catch (RuntimeException ex) {
			this.throttle.failed(reserved);
			failed(attempt, address);
			throw ex;
		}
		if (user == null) {
			this.throttle.failed(reserved);
			failed(attempt, address);
			return null;
		}
		this.throttle.succeeded(reserved);
		audit(AuditType.USER_SIGN_IN_SUCCEEDED, attempt, address);
		this.metrics.succeeded(channel());
		return user;
	}

	private void failed(Authentication attempt, String address) {
		audit(AuditType.USER_SIGN_IN_FAILED, attempt, address);
		this.metrics.failed(channel());
	}

	private void audit(AuditType type, Authentication attempt, String address) {
		this.audit.record(type, attempt.getName(), address, client());
	}

	/** At the token endpoint (the password grant), the client that sent the user's password. */
	private static Map<String, String> client() {
		OAuth2ClientAuthenticationToken client = authenticatedClient();
		return (client != null) ? Map.of("client_id", client.getName()) : Map.of();
	}

	/** A client authenticated at the token endpoint sent the password: the password grant; else the login form. */
	private static SignInMetrics.Channel channel() {
		return (authenticatedClient() != null) ? SignInMetrics.Channel.PASSWORD_GRANT : SignInMetrics.Channel.FORM;
	}

	private static OAuth2ClientAuthenticationToken authenticatedClient() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return (current instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) ? client : null;
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

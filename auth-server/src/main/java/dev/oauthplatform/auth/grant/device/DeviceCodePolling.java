package dev.oauthplatform.auth.grant.device;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;

import dev.oauthplatform.auth.user.SignInMetrics;

/**
 * The device's polls at the token endpoint (RFC 8628 §3.4-3.5): the framework's grant answers
 * {@code authorization_pending}, {@code access_denied} and {@code expired_token} and spends the
 * code once; before it, a poll sooner than the interval gets {@code slow_down} (which the
 * framework leaves out); after it, a code already exchanged for tokens is {@code invalid_grant},
 * not the {@code access_denied} the framework would say of a request the user approved.
 * Tokens issued count as the user's sign-in on the device channel, {@code access_denied} and
 * {@code expired_token} as a failed one ({@link SignInMetrics}); a pending code counts as neither.
 */
final class DeviceCodePolling implements AuthenticationProvider {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc8628#section-3.5";

	/** RFC 8628 §3.5; OAuth2ErrorCodes has no constant for it. */
	private static final String EXPIRED_TOKEN = "expired_token";

	private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

	private final AuthenticationProvider deviceCodeGrant;

	private final PollingPace pace;

	private final OAuth2AuthorizationService authorizations;

	private final SignInMetrics signIns;

	DeviceCodePolling(AuthenticationProvider deviceCodeGrant, PollingPace pace,
			OAuth2AuthorizationService authorizations, SignInMetrics signIns) {
		this.deviceCodeGrant = deviceCodeGrant;
		this.pace = pace;
		this.authorizations = authorizations;
		this.signIns = signIns;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String deviceCode = ((OAuth2DeviceCodeAuthenticationToken) authentication).getDeviceCode();
		if (this.pace.tooSoon(deviceCode)) {
			throw error("slow_down", "Polled sooner than the interval: wait 5 seconds more between polls");
		}
		Authentication tokens;
		try {
			tokens = this.deviceCodeGrant.authenticate(authentication);
		}
		catch (OAuth2AuthenticationException ex) {
			String code = ex.getError().getErrorCode();
			if (OAuth2ErrorCodes.ACCESS_DENIED.equals(code) && exchanged(deviceCode)) {
				throw error(OAuth2ErrorCodes.INVALID_GRANT, "The device code was already exchanged for tokens");
			}
			if (OAuth2ErrorCodes.ACCESS_DENIED.equals(code) || EXPIRED_TOKEN.equals(code)) {
				this.signIns.failed(SignInMetrics.Channel.DEVICE);
			}
			throw ex;
		}
		if (tokens != null) {
			this.signIns.succeeded(SignInMetrics.Channel.DEVICE);
		}
		return tokens;
	}

	private boolean exchanged(String deviceCode) {
		OAuth2Authorization authorization = this.authorizations.findByToken(deviceCode, DEVICE_CODE);
		return authorization != null && authorization.getAccessToken() != null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2DeviceCodeAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, ERROR_URI));
	}

}

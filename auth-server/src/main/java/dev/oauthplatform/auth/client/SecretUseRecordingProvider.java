package dev.oauthplatform.auth.client;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/** Wraps the framework's client secret check to record which secret a client used, and when. */
final class SecretUseRecordingProvider implements AuthenticationProvider {

	private final AuthenticationProvider secretCheck;

	private final ClientSecrets secrets;

	public SecretUseRecordingProvider(AuthenticationProvider secretCheck, ClientSecrets secrets) {
		this.secretCheck = secretCheck;
		this.secrets = secrets;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication result = this.secretCheck.authenticate(authentication);
		if (result instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null
				&& authentication.getCredentials() instanceof String secret) {
			this.secrets.recordUse(client.getRegisteredClient(), secret);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.secretCheck.supports(authentication);
	}

}

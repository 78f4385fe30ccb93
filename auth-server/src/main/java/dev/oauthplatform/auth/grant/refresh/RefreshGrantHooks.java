package dev.oauthplatform.auth.grant.refresh;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.audit.AuditLog;
import dev.oauthplatform.auth.protocol.ProtocolHook;
import dev.oauthplatform.auth.token.JpaOAuth2AuthorizationService;

/**
 * The refresh grant: the framework's, rotating (each client's token settings) and, before it,
 * reuse detection. Public clients present only their client_id here ({@code client/}).
 */
@Component
class RefreshGrantHooks implements ProtocolHook {

	private final JpaOAuth2AuthorizationService authorizations;

	private final AuditLog audit;

	RefreshGrantHooks(JpaOAuth2AuthorizationService authorizations, AuditLog audit) {
		this.authorizations = authorizations;
		this.audit = audit;
	}

	@Override
	public AuthenticationProvider tokenEndpointProvider(AuthenticationProvider provider) {
		return (provider instanceof OAuth2RefreshTokenAuthenticationProvider)
				? new RefreshTokenReuseDetector(provider, this.authorizations, this.audit) : provider;
	}

}

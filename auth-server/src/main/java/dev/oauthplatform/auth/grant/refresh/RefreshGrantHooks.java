package dev.oauthplatform.auth.grant.refresh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

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

	private final Counter reuses;

	RefreshGrantHooks(JpaOAuth2AuthorizationService authorizations, AuditLog audit, MeterRegistry registry) {
		this.authorizations = authorizations;
		this.audit = audit;
		this.reuses = Counter.builder("oauth.refresh_token.reuse_detected")
			.description("Rotated-out refresh tokens presented again, each revoking its whole grant")
			.register(registry);
	}

	@Override
	public AuthenticationProvider tokenEndpointProvider(AuthenticationProvider provider) {
		return (provider instanceof OAuth2RefreshTokenAuthenticationProvider)
				? new RefreshTokenReuseDetector(provider, this.authorizations, this.audit, this.reuses) : provider;
	}

}

package dev.oauthplatform.auth.discovery;

import java.util.List;
import java.util.Map;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;
import dev.oauthplatform.auth.protocol.Supported;

/**
 * What both discovery documents (RFC 8414, OIDC Discovery) announce: exactly what this server
 * supports ({@link Supported}), the password and device grants included, nothing it does not (no
 * PAR, no DPoP, no JWT client authentication yet). DiscoveryTest exercises everything listed.
 */
@Component
class SupportedFeatures implements ProtocolHook {

	private final String deviceAuthorizationPath;

	SupportedFeatures(AuthorizationServerSettings endpoints) {
		this.deviceAuthorizationPath = endpoints.getDeviceAuthorizationEndpoint();
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server
			.authorizationServerMetadataEndpoint((metadata) -> metadata
				.authorizationServerMetadataCustomizer((builder) -> builder.claims(this::edit)))
			.oidc((oidc) -> oidc.providerConfigurationEndpoint((configuration) -> configuration
				.providerConfigurationCustomizer((builder) -> builder.claims(this::edit))));
	}

	private void edit(Map<String, Object> claims) {
		claims.put("grant_types_supported", Supported.grantTypeValues());
		claims.put("response_types_supported", List.of("code"));
		claims.put("code_challenge_methods_supported", List.of("S256"));
		claims.put("token_endpoint_auth_methods_supported", Supported.values(Supported.TOKEN_ENDPOINT_METHODS));
		claims.put("revocation_endpoint_auth_methods_supported", Supported.values(Supported.CLIENT_SECRET_METHODS));
		claims.put("introspection_endpoint_auth_methods_supported",
				Supported.values(Supported.CLIENT_SECRET_METHODS));
		claims.put("authorization_response_iss_parameter_supported", true);
		// the framework announces it in RFC 8414's document only
		claims.put("device_authorization_endpoint", claims.get("issuer") + this.deviceAuthorizationPath);
		claims.remove("pushed_authorization_request_endpoint");
		claims.remove("require_pushed_authorization_requests");
		claims.remove("tls_client_certificate_bound_access_tokens");
		// the framework's default; resource-api does not accept DPoP-bound tokens yet
		claims.remove("dpop_signing_alg_values_supported");
	}

}

package dev.oauthplatform.auth.config;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * What both discovery documents (RFC 8414, OIDC Discovery) announce: exactly what this server
 * supports, the password grant included, nothing it does not (no device flow, no PAR, no
 * DPoP, no JWT client authentication yet). DiscoveryTest exercises everything listed.
 */
final class SupportedFeatures {

	private static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token",
			"client_credentials", "password");

	private static final List<String> TOKEN_ENDPOINT_AUTH_METHODS = List.of("client_secret_basic",
			"client_secret_post", "none");

	private static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

	private SupportedFeatures() {
	}

	static void describe(OAuth2AuthorizationServerMetadata.Builder metadata) {
		metadata.claims(SupportedFeatures::edit);
	}

	static void describe(OidcProviderConfiguration.Builder configuration) {
		configuration.claims(SupportedFeatures::edit);
	}

	private static void edit(Map<String, Object> claims) {
		claims.put("grant_types_supported", GRANT_TYPES);
		claims.put("response_types_supported", List.of("code"));
		claims.put("code_challenge_methods_supported", List.of("S256"));
		claims.put("token_endpoint_auth_methods_supported", TOKEN_ENDPOINT_AUTH_METHODS);
		claims.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
		claims.put("introspection_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
		claims.put("authorization_response_iss_parameter_supported", true);
		claims.remove("device_authorization_endpoint");
		claims.remove("pushed_authorization_request_endpoint");
		claims.remove("require_pushed_authorization_requests");
		claims.remove("tls_client_certificate_bound_access_tokens");
		// the framework's default; resource-api does not accept DPoP-bound tokens yet
		claims.remove("dpop_signing_alg_values_supported");
	}

}

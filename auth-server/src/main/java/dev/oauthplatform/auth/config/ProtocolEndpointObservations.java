package dev.oauthplatform.auth.config;

import java.util.Set;

import io.micrometer.common.KeyValue;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * HTTP server metrics that name the protocol endpoints: the framework answers them in filters, with
 * no handler mapping, so Spring would tag them all {@code uri="UNKNOWN"}. Only these fixed paths
 * are named, so the tag's values stay a short list whatever clients send.
 */
final class ProtocolEndpointObservations extends DefaultServerRequestObservationConvention {

	private final Set<String> endpoints;

	ProtocolEndpointObservations(AuthorizationServerSettings settings) {
		super("http.server.requests");
		this.endpoints = Set.of(settings.getAuthorizationEndpoint(), settings.getTokenEndpoint(),
				settings.getTokenIntrospectionEndpoint(), settings.getTokenRevocationEndpoint(),
				settings.getJwkSetEndpoint(), settings.getDeviceAuthorizationEndpoint(),
				settings.getOidcUserInfoEndpoint(), settings.getOidcLogoutEndpoint(),
				"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");
	}

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		if (context.getPathPattern() == null) {
			String path = withoutTrailingSlash(context.getCarrier().getRequestURI());
			if (this.endpoints.contains(path)) {
				return KeyValue.of("uri", path);
			}
		}
		return super.uri(context);
	}

	private static String withoutTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

}

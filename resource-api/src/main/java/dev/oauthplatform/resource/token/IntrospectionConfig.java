package dev.oauthplatform.resource.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.RestClientOpaqueTokenIntrospector;

/**
 * Opaque (reference) tokens, checked at the issuer's introspection endpoint with this API's own
 * client credentials. Without credentials configured, every opaque token is an invalid token.
 */
@Configuration(proxyBeanMethods = false)
class IntrospectionConfig {

	@Bean
	OpaqueTokenIntrospector opaqueTokenIntrospector(TokenProperties properties) {
		TokenProperties.Introspection introspection = properties.introspection();
		if (!introspection.enabled()) {
			return (token) -> {
				throw new BadOpaqueTokenException("Only JWT access tokens are accepted here");
			};
		}
		RestClientOpaqueTokenIntrospector remote = new RestClientOpaqueTokenIntrospector(introspection.uri(),
				JwtDecoderConfig.restClient()
					.mutate()
					// RFC 6749 §2.3.1: form-encoded, then Basic
					.defaultHeaders((headers) -> headers.setBasicAuth(formEncoded(introspection.clientId()),
							formEncoded(introspection.clientSecret())))
					.defaultHeader(HttpHeaders.ACCEPT, "application/json")
					.build());
		return new CachingOpaqueTokenIntrospector(remote, properties.audience(), introspection.cacheTtl(),
				Clock.systemUTC());
	}

	private static String formEncoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

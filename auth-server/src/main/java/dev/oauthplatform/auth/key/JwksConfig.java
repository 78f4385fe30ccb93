package dev.oauthplatform.auth.key;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * The JWKS endpoint publishes every live key; the encoder sees only the signing ones, so that a
 * key published ahead of a rotation never signs early.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
public class JwksConfig {

	private static final Logger logger = LoggerFactory.getLogger(JwksConfig.class);

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> selector.select(keys.published());
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		logger.info("JCA provider for token signatures: {}", NativeCrypto.installIfAvailable());
		return new NimbusJwtEncoder((selector, context) -> selector.select(keys.signing()));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

	@Bean
	FilterRegistrationBean<JwksCacheControl> jwksCacheControl(KeyProperties properties,
			AuthorizationServerSettings settings) {
		FilterRegistrationBean<JwksCacheControl> registration = new FilterRegistrationBean<>(
				new JwksCacheControl(properties));
		registration.addUrlPatterns(settings.getJwkSetEndpoint());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/** Before the web server accepts a request: the first token needs a key. */
	@Bean
	SmartInitializingSingleton createKeysOnFirstStart(SigningKeys keys) {
		return keys::createMissingKeys;
	}

}

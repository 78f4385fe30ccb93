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
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import dev.oauthplatform.auth.secret.ServerSecrets;

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
	FilterRegistrationBean<JwksCacheControl> jwksCacheControl(KeyProperties properties,
			AuthorizationServerSettings settings) {
		FilterRegistrationBean<JwksCacheControl> registration = new FilterRegistrationBean<>(
				new JwksCacheControl(properties));
		registration.addUrlPatterns(settings.getJwkSetEndpoint());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	/** In production, the private keys are never stored unencrypted. */
	@Bean
	KeyEncryption keyEncryption(ServerSecrets secrets) {
		return KeyEncryption.of(secrets.keyEncryptionSecret(), secrets.keyEncryptionSecretPrevious());
	}

	/**
	 * Before the web server accepts a request: stored keys are re-encrypted as the current
	 * secret and format want them, and the first token needs a key.
	 */
	@Bean
	SmartInitializingSingleton prepareKeysOnStart(StoredKeyEncryption storedKeys, SigningKeys keys) {
		return () -> {
			storedKeys.bringUpToDate();
			keys.createMissingKeys();
		};
	}

}

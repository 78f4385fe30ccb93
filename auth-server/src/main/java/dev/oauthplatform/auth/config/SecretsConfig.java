package dev.oauthplatform.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.oauthplatform.auth.client.ClientSecretHasher;

/** Server secrets: from the environment, or generated once outside production. */
@Configuration(proxyBeanMethods = false)
public class SecretsConfig {

	@Bean
	ClientSecretHasher clientSecretHasher(AuthProperties properties) {
		return new ClientSecretHasher(GeneratedSecrets.resolve(properties, "AUTH_CLIENT_SECRET_PEPPER",
				properties.secrets().clientSecretPepper()));
	}

}

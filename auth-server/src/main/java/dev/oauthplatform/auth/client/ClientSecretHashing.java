package dev.oauthplatform.auth.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.oauthplatform.auth.secret.ServerSecrets;

/** Client secrets are hashed with the server's pepper, kept outside the database. */
@Configuration(proxyBeanMethods = false)
class ClientSecretHashing {

	@Bean
	ClientSecretHasher clientSecretHasher(ServerSecrets secrets) {
		return new ClientSecretHasher(secrets.clientSecretPepper());
	}

}

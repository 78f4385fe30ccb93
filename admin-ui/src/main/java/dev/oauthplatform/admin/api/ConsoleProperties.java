package dev.oauthplatform.admin.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How the console reaches auth-server: its issuer (also the admin API's base URL) and the
 * console's own client credentials. The secret comes from the environment, never from a file
 * in the repository.
 */
@ConfigurationProperties("admin-ui")
public record ConsoleProperties(String issuer, String clientId, String clientSecret) {

	public ConsoleProperties {
		Assert.hasText(issuer, "admin-ui.issuer (ADMIN_CONSOLE_ISSUER) must be set");
		Assert.hasText(clientId, "admin-ui.client-id must be set");
		Assert.hasText(clientSecret, "admin-ui.client-secret (ADMIN_CONSOLE_SECRET) must be set: "
				+ "the same value auth-server was started with");
		issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

}

package dev.oauthplatform.auth.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The first admin and the console's client, created on first start ({@code auth.bootstrap.*}). */
@ConfigurationProperties("auth.bootstrap")
public record BootstrapProperties(String adminUsername, String adminPassword, String adminConsoleSecret,
		String adminConsoleRedirectUri, String adminConsolePostLogoutRedirectUri,
		@DefaultValue("true") boolean adminCliPasswordGrant, @DefaultValue("true") boolean adminCliDeviceGrant) {

	/** Production ({@code prod}) on a database without a user, and no admin given: the start stops. */
	public static final String NO_ADMIN = "AUTH_ADMIN_USERNAME and AUTH_ADMIN_PASSWORD are not set and the database"
			+ " has no user yet: set both for the first start (the admin is created then; later starts need neither)";

	/** Never the passwords and secret: a record would print them wherever it is logged. */
	@Override
	public String toString() {
		return "BootstrapProperties[adminUsername=" + this.adminUsername + ", secrets redacted]";
	}

}

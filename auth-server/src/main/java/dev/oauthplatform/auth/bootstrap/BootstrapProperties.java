package dev.oauthplatform.auth.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The first admin and the console's client, created on first start ({@code auth.bootstrap.*}). */
@ConfigurationProperties("auth.bootstrap")
public record BootstrapProperties(String adminUsername, String adminPassword, String adminConsoleSecret,
		String adminConsoleRedirectUri, String adminConsolePostLogoutRedirectUri,
		@DefaultValue("true") boolean adminCliPasswordGrant, @DefaultValue("true") boolean adminCliDeviceGrant) {

	/** Never the passwords and secret: a record would print them wherever it is logged. */
	@Override
	public String toString() {
		return "BootstrapProperties[adminUsername=" + this.adminUsername + ", secrets redacted]";
	}

}

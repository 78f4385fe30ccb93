package dev.oauthplatform.auth.bootstrap;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.protocol.Supported;
import dev.oauthplatform.auth.secret.ProductionReadinessException;
import dev.oauthplatform.auth.secret.ServerSecrets;
import dev.oauthplatform.auth.user.AppUserRepository;
import dev.oauthplatform.auth.user.UserAccounts;

/**
 * First start: the admin user, the public {@code admin-cli} client (password grant, scope admin)
 * and the {@code admin-console} client for admin-ui. Later starts change nothing.
 */
@Component
@Order(1)
@EnableConfigurationProperties(BootstrapProperties.class)
class Bootstrap implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(Bootstrap.class);

	static final String ADMIN_CLI = "admin-cli";

	static final String ADMIN_CONSOLE = "admin-console";

	private final BootstrapProperties settings;

	private final boolean production;

	private final AppUserRepository users;

	private final UserAccounts accounts;

	private final OAuthClientRepository clients;

	private final ClientRegistrar registrar;

	Bootstrap(BootstrapProperties settings, ServerSecrets secrets, AppUserRepository users, UserAccounts accounts,
			OAuthClientRepository clients, ClientRegistrar registrar) {
		this.settings = settings;
		this.production = secrets.production();
		this.users = users;
		this.accounts = accounts;
		this.clients = clients;
		this.registrar = registrar;
	}

	@Override
	public void run() {
		createAdmin();
		if (!this.clients.existsByClientId(ADMIN_CLI)) {
			this.registrar.register(NewClient.of(ADMIN_CLI, "Admin command line", ClientType.CLI, Set.of(),
					Set.of("admin"), true).withGrantTypes(adminCliGrants()));
		}
		// also on later starts: the operator's choice about the password grant holds from the next start
		this.registrar.setGrantTypes(ADMIN_CLI, adminCliGrants());
		if (!this.clients.existsByClientId(ADMIN_CONSOLE) && StringUtils.hasText(this.settings.adminConsoleSecret())) {
			this.registrar.register(NewClient.of(ADMIN_CONSOLE, "Admin console", ClientType.WEB,
					Set.of(this.settings.adminConsoleRedirectUri()), Set.of("openid", "profile", "admin"), true),
					this.settings.adminConsoleSecret());
		}
		if (this.clients.existsByClientId(ADMIN_CONSOLE)
				&& StringUtils.hasText(this.settings.adminConsolePostLogoutRedirectUri())) {
			// also on later starts: consoles registered before RP-initiated logout existed get it
			this.registrar.setPostLogoutRedirectUris(ADMIN_CONSOLE,
					Set.of(this.settings.adminConsolePostLogoutRedirectUri()));
		}
	}

	/**
	 * admin-cli signs admins in with the device grant, in the browser where any second factor
	 * will be; the password grant (RFC 9700 §2.4: must not be used) only while the operator keeps
	 * it on, as the prod profile does not. An operator who wants no admin sign-in outside the
	 * console switches the device grant off too (a device code mailed to an admin is phishing).
	 */
	private Set<String> adminCliGrants() {
		Set<String> grants = new LinkedHashSet<>();
		if (this.settings.adminCliDeviceGrant()) {
			grants.add(AuthorizationGrantType.DEVICE_CODE.getValue());
		}
		if (this.settings.adminCliPasswordGrant()) {
			grants.add(Supported.PASSWORD_GRANT.getValue());
		}
		if (grants.isEmpty()) {
			throw new IllegalStateException("admin-cli needs a grant: set AUTH_ADMIN_CLI_DEVICE_GRANT or "
					+ "AUTH_ADMIN_CLI_PASSWORD_GRANT to true");
		}
		grants.add(AuthorizationGrantType.REFRESH_TOKEN.getValue());
		return grants;
	}

	private void createAdmin() {
		String username = this.settings.adminUsername();
		if (!StringUtils.hasText(username) && this.production && this.users.count() == 0) {
			// config/ProductionChecks says so before the start when it can reach the database
			throw new ProductionReadinessException(List.of(BootstrapProperties.NO_ADMIN));
		}
		if (!StringUtils.hasText(username) || this.users.existsByUsername(username)) {
			return;
		}
		if (!StringUtils.hasText(this.settings.adminPassword())) {
			throw new IllegalStateException("AUTH_ADMIN_PASSWORD must be set with AUTH_ADMIN_USERNAME");
		}
		this.accounts.create(username, this.settings.adminPassword(), null, Set.of("ADMIN", "USER"));
		logger.info("Created the admin user '{}'", username);
	}

}

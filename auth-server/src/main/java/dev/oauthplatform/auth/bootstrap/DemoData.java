package dev.oauthplatform.auth.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.secret.SecretProperties;
import dev.oauthplatform.auth.user.AppUserRepository;
import dev.oauthplatform.auth.user.UserAccounts;

/**
 * {@code ./run.sh} only (profile {@code demo}): a demo user and one client of each type, their
 * secrets written once to {@code data/demo-clients.env} (mode 0600) so the README's curl lines work.
 */
@Component
@Order(2)
class DemoData implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);
	private static final String DEVICE_CLI = "oauthctl";


	static final String DEMO_USER = "demo";

	static final String DEMO_PASSWORD = "demo-password-2026";

	static final String RESOURCE_API_CLIENT = "demo-resource-api";

	private static final Set<String> USER_SCOPES = Set.of("openid", "profile", "notes.read", "notes.write");

	private final ClientRegistrar registrar;

	private final OAuthClientRepository clients;

	private final AppUserRepository users;

	private final UserAccounts accounts;

	private final Path dataDir;

	private final Environment environment;

	DemoData(ClientRegistrar registrar, OAuthClientRepository clients, AppUserRepository users, UserAccounts accounts,
			SecretProperties properties, Environment environment) {
		this.environment = environment;
		this.registrar = registrar;
		this.clients = clients;
		this.users = users;
		this.accounts = accounts;
		this.dataDir = properties.dataDir();
	}

	@Override
	public void run() {
		// checked at run time, not with @Profile: ahead-of-time processing fixes profiles at build time
		if (!this.environment.matchesProfiles("demo")) {
			return;
		}
		if (!this.users.existsByUsername(DEMO_USER)) {
			this.accounts.create(DEMO_USER, DEMO_PASSWORD, "demo@example.test", Set.of("USER"));
		}
		registerResourceApiClient();
		registerDeviceCli();
		if (this.clients.existsByClientId("demo-m2m")) {
			return;
		}
		List<String> lines = new ArrayList<>();
		lines.add("# Demo clients of ./run.sh; secrets are shown here once and stored hashed by the server.");
		lines.add("DEMO_USER=" + DEMO_USER);
		lines.add("DEMO_PASSWORD=" + DEMO_PASSWORD);
		record("DEMO_WEB", lines, this.registrar.register(NewClient.of("demo-web", "Demo backend (BFF)", ClientType.WEB,
				Set.of("http://localhost:3000/callback"), USER_SCOPES, true)));
		record("DEMO_LEGACY_WEB", lines, this.registrar.register(NewClient
			.of("demo-legacy-web", "Demo legacy backend (seed 002: client_secret_post, no PKCE)", ClientType.WEB,
					Set.of("http://localhost:3000/login/"), USER_SCOPES, true)
			.withAuthMethod("client_secret_post")
			.withRequirePkce(false)));
		record("DEMO_SPA", lines, this.registrar.register(NewClient.of("demo-spa", "Demo single-page app",
				ClientType.SPA, Set.of("http://localhost:3000/spa/callback"), USER_SCOPES, false)));
		record("DEMO_NATIVE", lines, this.registrar.register(NewClient.of("demo-native", "Demo desktop app",
				ClientType.NATIVE, Set.of("http://127.0.0.1/callback", "com.example.demo:/callback"), USER_SCOPES,
				true)));
		record("DEMO_M2M", lines, this.registrar.register(NewClient.of("demo-m2m", "Demo machine client",
				ClientType.M2M, Set.of(), Set.of("notes.read"), true)));
		if (!this.clients.existsByClientId("test")) {
			record("SEED_CLI", lines, this.registrar.register(NewClient.of("test", "Seed 002 CLI", ClientType.CLI,
					Set.of(), Set.of("notes.read", "notes.write"), true)));
		}
		write("demo-clients.env", lines);
	}

	/** oauthctl's demo client: public, device grant (also on data directories from before it existed). */
	private void registerDeviceCli() {
		if (!this.clients.existsByClientId(DEVICE_CLI)) {
			this.registrar.register(NewClient.of(DEVICE_CLI, "oauthctl", ClientType.CLI, Set.of(),
					Set.of("notes.read", "notes.write"), true)
				.withGrantTypes(Set.of(AuthorizationGrantType.DEVICE_CODE.getValue(),
						AuthorizationGrantType.REFRESH_TOKEN.getValue())));
		}
	}

	/**
	 * resource-api checks reference tokens by introspection, authenticated as a client of its own:
	 * a resource server, since the tokens it checks were issued to other clients (RFC 7662 §4).
	 */
	private void registerResourceApiClient() {
		if (this.clients.existsByClientId(RESOURCE_API_CLIENT)) {
			// also on later starts: demo data registered before the setting existed gets it
			this.registrar.setResourceServer(RESOURCE_API_CLIENT, true);
			return;
		}
		RegisteredCredentials credentials = this.registrar.register(NewClient.of(RESOURCE_API_CLIENT,
				"Demo resource-api (introspection)", ClientType.M2M, Set.of(), Set.of(), true).asResourceServer());
		write("resource-api-client.env", List.of("# resource-api's client for token introspection (./run.sh)",
				"RESOURCE_INTROSPECTION_CLIENT_ID=" + credentials.clientId(),
				"RESOURCE_INTROSPECTION_CLIENT_SECRET=" + credentials.clientSecret()));
	}

	private static void record(String name, List<String> lines, RegisteredCredentials credentials) {
		lines.add(name + "_CLIENT_ID=" + credentials.clientId());
		if (credentials.clientSecret() != null) {
			lines.add(name + "_CLIENT_SECRET=" + credentials.clientSecret());
		}
	}

	private void write(String fileName, List<String> lines) {
		Path file = this.dataDir.resolve(fileName);
		try {
			Files.createDirectories(this.dataDir);
			Files.write(file, lines);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			logger.info("Registered demo clients; their credentials are in the file {} (mode 0600)", file.getFileName());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

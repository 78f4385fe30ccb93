package dev.oauthplatform.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * auth-server and resource-api (and admin-ui for the browser tests), started once for the whole
 * run as real processes on random ports, on H2 (fresh files) or, under the postgres profile, on PostgreSQL in schemas of their
 * own. resource-api introspects reference tokens with a client an admin registered for it.
 */
public final class Platform {

	public static final String ADMIN_USERNAME = "admin";

	private static Platform running;

	private final Service authServer;

	private final Service resourceApi;

	private final String adminPassword;

	private final Map<String, String> consoleEnvironment;

	private final int consolePort;

	private Service adminUi;

	private Platform(Service authServer, Service resourceApi, String adminPassword,
			Map<String, String> consoleEnvironment, int consolePort) {
		this.authServer = authServer;
		this.resourceApi = resourceApi;
		this.adminPassword = adminPassword;
		this.consoleEnvironment = consoleEnvironment;
		this.consolePort = consolePort;
	}

	public static synchronized Platform get() {
		if (running == null) {
			running = start();
			Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
		}
		RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
		return running;
	}

	public String authServer() {
		return this.authServer.url();
	}

	public String resourceApi() {
		return this.resourceApi.url();
	}

	public String adminPassword() {
		return this.adminPassword;
	}

	/** admin-ui, started on first use: only the browser tests need it. */
	public synchronized String adminUi() {
		if (this.adminUi == null) {
			this.adminUi = Service.start("admin-ui", this.consolePort, this.consoleEnvironment, List.of());
		}
		return this.adminUi.url();
	}

	private static Platform start() {
		Database database = Database.forThisRun();
		int authPort = Service.freePort();
		int apiPort = Service.freePort();
		String issuer = "http://localhost:" + authPort;
		String audience = "http://localhost:" + apiPort;
		String adminPassword = randomSecret();
		int consolePort = Service.freePort();
		String console = "http://localhost:" + consolePort;
		String consoleSecret = randomSecret();

		Map<String, String> auth = new HashMap<>(database.environment("systest_auth"));
		auth.put("AUTH_ISSUER", issuer);
		auth.put("AUTH_DEFAULT_AUDIENCE", audience);
		auth.put("AUTH_DATA_DIR", temporaryDirectory("auth-server"));
		auth.put("AUTH_ADMIN_USERNAME", ADMIN_USERNAME);
		auth.put("AUTH_ADMIN_PASSWORD", adminPassword);
		auth.put("AUTH_CLIENT_SECRET_PEPPER", randomSecret());
		auth.put("ADMIN_CONSOLE_SECRET", consoleSecret);
		auth.put("ADMIN_CONSOLE_REDIRECT_URI", console + "/login/oauth2/code/admin-console");
		auth.put("ADMIN_CONSOLE_POST_LOGOUT_REDIRECT_URI", console + "/");
		// short key rotation stages, so that a rotation can be watched within a test
		Service authServer = Service.start("auth-server", authPort, auth,
				List.of("--auth.keys.jwks-max-age=2s", "--auth.keys.check-interval=1s"));

		Admin admin = new Admin(authServer.url(), adminPassword);
		// a resource server: it introspects tokens issued to other clients (RFC 7662 §4)
		Admin.Credentials introspection = admin.registerMachineClient(Map.of("client_name",
				"resource-api introspection", "client_type", "m2m", "resource_server", true));
		Map<String, String> api = new HashMap<>(database.environment("systest_notes"));
		api.put("RESOURCE_ISSUER", issuer);
		api.put("RESOURCE_AUDIENCE", audience);
		api.put("RESOURCE_DATA_DIR", temporaryDirectory("resource-api"));
		api.put("RESOURCE_INTROSPECTION_CLIENT_ID", introspection.clientId());
		api.put("RESOURCE_INTROSPECTION_CLIENT_SECRET", introspection.clientSecret());
		Service resourceApi = Service.start("resource-api", apiPort, api, List.of());
		Map<String, String> consoleEnvironment = Map.of("ADMIN_CONSOLE_ISSUER", issuer, "ADMIN_CONSOLE_SECRET",
				consoleSecret, "CONSOLE_DATA_DIR", temporaryDirectory("admin-ui"));
		return new Platform(authServer, resourceApi, adminPassword, consoleEnvironment, consolePort);
	}

	private synchronized void stop() {
		if (this.adminUi != null) {
			this.adminUi.stop();
		}
		this.resourceApi.stop();
		this.authServer.stop();
	}

	private static String temporaryDirectory(String name) {
		try {
			return Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

package dev.oauthplatform.admin.config;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.admin.AdminUiApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console keeps its sessions in its database: an admin signed in before a restart of admin-ui
 * is still signed in after it, and the admin API still gets their access token, read back from the
 * session row (which holds the tokens, never the console's client secret). The authorization
 * server here is a stand-in speaking just enough OpenID Connect (authorize, token, JWKS, userinfo)
 * and the one admin API call the scopes page makes.
 */
class SessionSurvivesRestartTests {

	private static final String CLIENT_SECRET = "console-secret-" + UUID.randomUUID();

	@TempDir
	Path dataDir;

	private final String schema = "console_" + UUID.randomUUID().toString().replace("-", "");

	private FakeAuthServer authServer;

	@BeforeEach
	void startTheAuthServer() throws Exception {
		this.authServer = new FakeAuthServer();
	}

	@AfterEach
	void stopTheAuthServer() {
		this.authServer.stop();
	}

	@Test
	void aSignedInAdminStaysSignedInAcrossARestartAndTheirTokenStillReachesTheAdminApi() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		try (ConfigurableApplicationContext first = start()) {
			HttpResponse<String> scopes = get(browser, baseUrl(first) + "/scopes");
			assertThat(scopes.statusCode()).isEqualTo(200);
			assertThat(scopes.uri().getPath()).isEqualTo("/scopes");
			assertThat(this.authServer.signIns.get()).isEqualTo(1);
			assertThat(this.authServer.adminApiCalls.get()).isEqualTo(1);
			List<byte[]> attributes = first.getBean(JdbcTemplate.class)
				.queryForList("select attribute_bytes from spring_session_attributes", byte[].class);
			assertThat(attributes).isNotEmpty()
				.allSatisfy((bytes) -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
					.doesNotContain(CLIENT_SECRET));
		}

		try (ConfigurableApplicationContext second = start()) {
			HttpResponse<String> scopes = get(browser, baseUrl(second) + "/scopes");
			assertThat(scopes.statusCode()).isEqualTo(200);
			assertThat(scopes.uri().getPath()).isEqualTo("/scopes");
			assertThat(this.authServer.signIns.get()).as("no second sign-in").isEqualTo(1);
			assertThat(this.authServer.adminApiCalls.get()).isEqualTo(2);
		}
	}

	/** admin-ui on this test's H2 file, or under the postgres profile on a schema of its own. */
	private ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--admin-ui.issuer=" + this.authServer.issuer,
				"--admin-ui.client-secret=" + CLIENT_SECRET));
		if (postgres()) {
			arguments.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + this.schema);
			arguments.add("--spring.flyway.schemas=" + this.schema);
		}
		else {
			arguments.add("--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("admin-ui"));
		}
		return new SpringApplicationBuilder(AdminUiApplication.class).run(arguments.toArray(String[]::new));
	}

	@AfterEach
	void dropThePostgresSchema() throws SQLException {
		if (postgres()) {
			try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
					"postgres", "")) {
				connection.createStatement().execute("drop schema if exists " + this.schema + " cascade");
			}
		}
	}

	private static boolean postgres() {
		return System.getProperty("spring.profiles.active", "").contains("postgres");
	}

	private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Signs every browser in as one admin, at once, and answers for that admin's access token only. */
	private static final class FakeAuthServer {

		private static final String SUBJECT = "admin-" + UUID.randomUUID();

		private final HttpServer server;

		private final String issuer;

		private final RSAKey key;

		private final String accessToken = "access-" + UUID.randomUUID();

		private final Map<String, String> nonceByCode = new ConcurrentHashMap<>();

		private final AtomicInteger signIns = new AtomicInteger();

		private final AtomicInteger adminApiCalls = new AtomicInteger();

		FakeAuthServer() throws IOException, JOSEException {
			this.key = new RSAKeyGenerator(2048).keyID("test").generate();
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			this.issuer = "http://localhost:" + this.server.getAddress().getPort();
			this.server.createContext("/oauth2/authorize", this::authorize);
			this.server.createContext("/oauth2/token", this::token);
			this.server.createContext("/oauth2/jwks",
					(exchange) -> json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
			this.server.createContext("/userinfo", (exchange) -> json(exchange, 200, "{\"sub\":\"" + SUBJECT + "\"}"));
			this.server.createContext("/admin/api/scopes", this::scopes);
			this.server.start();
		}

		void stop() {
			this.server.stop(0);
		}

		private void authorize(HttpExchange exchange) throws IOException {
			this.signIns.incrementAndGet();
			Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
			String code = UUID.randomUUID().toString();
			this.nonceByCode.put(code, query.get("nonce"));
			exchange.getResponseHeaders()
				.add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
						+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		}

		private void token(HttpExchange exchange) throws IOException {
			Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(),
					StandardCharsets.UTF_8));
			String nonce = this.nonceByCode.remove(form.get("code"));
			if (nonce == null) {
				json(exchange, 400, "{\"error\":\"invalid_grant\"}");
				return;
			}
			json(exchange, 200, "{\"access_token\":\"" + this.accessToken + "\",\"token_type\":\"Bearer\","
					+ "\"expires_in\":900,\"refresh_token\":\"refresh-" + UUID.randomUUID() + "\","
					+ "\"scope\":\"openid profile admin\",\"id_token\":\"" + idToken(nonce) + "\"}");
		}

		private void scopes(HttpExchange exchange) throws IOException {
			if (!("Bearer " + this.accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				json(exchange, 401, "{\"error\":\"invalid_token\"}");
				return;
			}
			this.adminApiCalls.incrementAndGet();
			json(exchange, 200, "[]");
		}

		private String idToken(String nonce) {
			try {
				Instant now = Instant.now();
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
						new JWTClaimsSet.Builder().issuer(this.issuer)
							.subject(SUBJECT)
							.audience("admin-console")
							.issueTime(Date.from(now))
							.expirationTime(Date.from(now.plusSeconds(900)))
							.claim("nonce", nonce)
							.build());
				jwt.sign(new RSASSASigner(this.key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static Map<String, String> parameters(String encoded) {
			Map<String, String> parameters = new LinkedHashMap<>();
			for (String pair : (encoded != null) ? encoded.split("&") : new String[0]) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
			return parameters;
		}

		private static void json(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

}

package dev.oauthplatform.resource.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for auth-server over real HTTP: discovery document, JWKS, RFC 7662 introspection
 * (HTTP Basic client authentication), and tokens minted with real ES256 signatures. One per test
 * JVM, so that the Spring context pointing at it is shared.
 */
public final class TestIssuer {

	public static final String INTROSPECTION_CLIENT_ID = "resource-api-test";

	public static final String INTROSPECTION_CLIENT_SECRET = "introspection-test-secret";

	public static final String AUDIENCE = "http://localhost:8081";

	private static final TestIssuer SHARED = start();

	private final HttpServer server;

	private final String url;

	private final List<ECKey> published = new CopyOnWriteArrayList<>();

	private volatile ECKey signingKey;

	private final Map<String, Map<String, Object>> opaqueTokens = new ConcurrentHashMap<>();

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private final AtomicInteger introspectionRequests = new AtomicInteger();

	private TestIssuer(HttpServer server) {
		this.server = server;
		this.url = "http://127.0.0.1:" + server.getAddress().getPort();
		this.signingKey = newKey();
		this.published.add(this.signingKey);
		server.createContext("/.well-known/openid-configuration", this::metadata);
		server.createContext("/.well-known/oauth-authorization-server", this::metadata);
		server.createContext("/oauth2/jwks", this::jwks);
		server.createContext("/oauth2/introspect", this::introspect);
	}

	public static TestIssuer shared() {
		return SHARED;
	}

	/** An issuer of one's own, for a test that stops it. */
	public static TestIssuer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "test-issuer");
				thread.setDaemon(true);
				return thread;
			}));
			TestIssuer issuer = new TestIssuer(server);
			server.start();
			return issuer;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void stop() {
		this.server.stop(0);
	}

	public String url() {
		return this.url;
	}

	/** A new claims set: a user token for this API with both note scopes, valid for 5 minutes. */
	public Token token() {
		return new Token(this);
	}

	/** Starts signing with a new key (new kid), published beside the old one, which stays. */
	public void rotate() {
		ECKey next = newKey();
		this.published.add(next);
		this.signingKey = next;
	}

	public String currentKeyId() {
		return this.signingKey.getKeyID();
	}

	public ECKey currentKey() {
		return this.signingKey;
	}

	public int jwksRequests() {
		return this.jwksRequests.get();
	}

	public int introspectionRequests() {
		return this.introspectionRequests.get();
	}

	static ECKey newKey() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void metadata(HttpExchange exchange) throws IOException {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", this.url);
		metadata.put("jwks_uri", this.url + "/oauth2/jwks");
		metadata.put("introspection_endpoint", this.url + "/oauth2/introspect");
		metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
		respond(exchange, 200, metadata);
	}

	private void jwks(HttpExchange exchange) throws IOException {
		this.jwksRequests.incrementAndGet();
		respond(exchange, 200, new JWKSet(List.<JWK>copyOf(this.published)).toJSONObject(true));
	}

	private void introspect(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((INTROSPECTION_CLIENT_ID + ":" + INTROSPECTION_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!"POST".equals(exchange.getRequestMethod())
				|| !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		this.introspectionRequests.incrementAndGet();
		String token = formParameter(exchange, "token");
		Map<String, Object> claims = (token != null) ? this.opaqueTokens.get(token) : null;
		if (claims == null || ((Number) claims.get("exp")).longValue() <= Instant.now().getEpochSecond()) {
			respond(exchange, 200, Map.of("active", false));
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("active", true);
		answer.putAll(claims);
		respond(exchange, 200, answer);
	}

	private static String formParameter(HttpExchange exchange, String name) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			for (String pair : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
					return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				}
			}
		}
		return null;
	}

	private static void respond(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
		byte[] body = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	/** Claims of one token, then how to sign (or not) it. */
	public static final class Token {

		private static final SecureRandom random = new SecureRandom();

		private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

		private final TestIssuer issuer;

		private final JWTClaimsSet.Builder claims;

		private String subject = "user-" + UUID.randomUUID();

		private String clientId = "test-client";

		private Instant issuedAt = Instant.now();

		private Instant expiresAt = this.issuedAt.plusSeconds(300);

		private Token(TestIssuer issuer) {
			this.issuer = issuer;
			this.claims = new JWTClaimsSet.Builder().issuer(issuer.url)
				.audience(List.of(AUDIENCE))
				.jwtID(UUID.randomUUID().toString())
				.claim("scope", "notes.read notes.write")
				.claim("preferred_username", "alice");
		}

		public Token subject(String subject) {
			this.subject = subject;
			return this;
		}

		/** A client_credentials token: {@code sub} is the client's id, no user name. */
		public Token clientCredentials(String clientId) {
			this.subject = clientId;
			this.clientId = clientId;
			this.claims.claim("preferred_username", null);
			return this;
		}

		public Token clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		public Token username(String username) {
			this.claims.claim("preferred_username", username);
			return this;
		}

		public Token scope(String scope) {
			this.claims.claim("scope", scope);
			return this;
		}

		public Token audience(String... audience) {
			this.claims.audience(List.of(audience));
			return this;
		}

		public Token issuer(String issuer) {
			this.claims.issuer(issuer);
			return this;
		}

		/** Issued five minutes before, at the latest. */
		public Token expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			if (this.issuedAt.isAfter(expiresAt.minusSeconds(300))) {
				this.issuedAt = expiresAt.minusSeconds(300);
			}
			return this;
		}

		public Token notBefore(Instant notBefore) {
			this.claims.notBeforeTime(Date.from(notBefore));
			return this;
		}

		public String subject() {
			return this.subject;
		}

		private JWTClaimsSet build() {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(this.claims.build()).subject(this.subject)
				.claim("client_id", this.clientId)
				.issueTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.expiresAt));
			JWTClaimsSet built = builder.build();
			if (built.getNotBeforeTime() == null) {
				builder.notBeforeTime(Date.from(this.issuedAt));
			}
			return builder.build();
		}

		/** ES256 with the issuer's current key, as auth-server signs access tokens. */
		public String sign() {
			return signWith(this.issuer.signingKey);
		}

		/** ES256 with any key, its kid and {@code typ: at+jwt} (RFC 9068) in the header. */
		public String signWith(ECKey key) {
			return signWith(key, AT_JWT);
		}

		/** ES256 with the issuer's current key but a header typed as ID tokens are ({@code JWT}) or not at all. */
		public String signTyped(JOSEObjectType type) {
			return signWith(this.issuer.signingKey, type);
		}

		private String signWith(ECKey key, JOSEObjectType type) {
			try {
				return sign(new ECDSASigner(key),
						new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build());
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** HS256 with the given secret, the current kid in the header (the public-key-as-secret trick). */
		public String signHs256(byte[] secret) {
			try {
				return sign(new MACSigner(secret),
						new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.issuer.currentKeyId()).build());
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** {@code alg: none}, no signature. */
		public String unsigned() {
			return new PlainJWT(build()).serialize();
		}

		/** An opaque reference token, answered for at the issuer's introspection endpoint. */
		public String opaque() {
			byte[] bytes = new byte[96];
			random.nextBytes(bytes);
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			JWTClaimsSet set = build();
			Map<String, Object> introspection = new LinkedHashMap<>();
			introspection.put("sub", set.getSubject());
			introspection.put("client_id", this.clientId);
			introspection.put("scope", set.getClaim("scope"));
			introspection.put("aud", set.getAudience());
			introspection.put("exp", this.expiresAt.getEpochSecond());
			introspection.put("iat", this.issuedAt.getEpochSecond());
			introspection.put("iss", set.getIssuer());
			introspection.put("token_type", "Bearer");
			// like Spring Authorization Server: the principal's name, the client's id for client_credentials
			Object username = set.getClaim("preferred_username");
			introspection.put("username", (username != null) ? username : this.clientId);
			this.issuer.opaqueTokens.put(token, introspection);
			return token;
		}

		private String sign(JWSSigner signer, JWSHeader header) throws JOSEException {
			SignedJWT jwt = new SignedJWT(header, build());
			jwt.sign(signer);
			return jwt.serialize();
		}

	}

}

package dev.oauthplatform.auth.key;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.encrypt.Encryptors;

import dev.oauthplatform.auth.AuthServerApplication;
import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.secret.ServerSecrets;
import dev.oauthplatform.auth.secret.ProductionReadinessException;
import dev.oauthplatform.auth.support.SecretsSeen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Signing keys at rest: encrypted under AUTH_KEY_ENCRYPTION_SECRET, bound to their kid, brought
 * to the current format and secret at start-up without invalidating a single issued token.
 * The server runs on its own H2 file database here (rows are edited between runs).
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyEncryptionTest {

	private static final String SECRET = secret();

	private static final String NEW_SECRET = secret();

	@TempDir
	Path dataDir;

	@Test
	void aCiphertextPastedOnAnotherKeysRowDoesNotDecrypt() {
		KeyEncryption encryption = KeyEncryption.of(SECRET, null);
		SigningKey es256 = row("es256kid", encryption.seal("es256kid", "{\"kty\":\"EC\"}"));
		SigningKey rs256 = row("rs256kid", es256.getJwk());

		assertThat(encryption.open(es256).jwk()).isEqualTo("{\"kty\":\"EC\"}");
		assertThatThrownBy(() -> encryption.open(rs256)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Signing key rs256kid does not decrypt with AUTH_KEY_ENCRYPTION_SECRET");
	}

	@Test
	void eachEncryptionHasItsOwnNonceAndCarriesTheFormatVersion() {
		KeyEncryption encryption = KeyEncryption.of(SECRET, null);

		String first = encryption.seal("kid", "{\"kty\":\"EC\"}");
		String second = encryption.seal("kid", "{\"kty\":\"EC\"}");

		assertThat(first).startsWith("v2:").isNotEqualTo(second);
		assertThat(second).startsWith("v2:");
	}

	@Test
	void aPassphraseIsStretchedWithPbkdf2AndWorksAlike() {
		KeyEncryption encryption = KeyEncryption.of("correct horse battery staple", null);

		assertThat(encryption.passphrase()).isTrue();
		assertThat(KeyEncryption.of(SECRET, null).passphrase()).isFalse();
		// 44 characters that happen to decode as base64url: words, so stretched all the same
		assertThat(KeyEncryption.of("correct-horse-battery-staple-correct-horse-x", null).passphrase()).isTrue();
		assertThat(KeyEncryption.of("ab".repeat(32), null).passphrase()).as("openssl rand -hex 32").isFalse();
		assertThat(encryption.open(row("kid", encryption.seal("kid", "{}"))).jwk()).isEqualTo("{}");
	}

	@Test
	void hkdfIsRfc5869() {
		HexFormat hex = HexFormat.of();
		byte[] okm = KeyEncryptionKey.hkdf(hex.parseHex("000102030405060708090a0b0c"),
				hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

		assertThat(hex.formatHex(okm)).isEqualTo(
				"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
	}

	@Test
	void keysInTheOldFormatOrUnencryptedAreReencryptedOnStartAndTheirTokensStillVerify() throws Exception {
		RegisteredCredentials m2m;
		String token;
		try (ConfigurableApplicationContext first = start("", "")) {
			m2m = m2mClient(first);
			token = clientCredentials(m2m);
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			Map<String, Object> es256 = jdbc.queryForMap("select kid, jwk from signing_key where algorithm = 'ES256'");
			String kid = (String) es256.get("kid");
			// as the previous release stored it: Spring's Encryptors.delux, hex, no version
			jdbc.update("update signing_key set jwk = ?, encrypted = true where kid = ?",
					Encryptors.delux(SECRET, kid).encrypt((String) es256.get("jwk")), kid);
		}

		try (ConfigurableApplicationContext second = start(SECRET, "")) {
			assertThat(rows(second)).hasSize(2).allSatisfy((row) -> {
				assertThat(row.isEncrypted()).isTrue();
				assertThat(row.getJwk()).startsWith("v2:");
				assertThat(KeyEncryption.of(SECRET, null).open(row).upToDate()).isTrue();
			});
			verifiesAgainstTheJwks(token);
			introspectsActive(m2m, token);
			verifiesAgainstTheJwks(clientCredentials(m2m));
		}
	}

	@Test
	void theSecretRotatesWithThePreviousOneGivenForOneStart() throws Exception {
		RegisteredCredentials m2m;
		String token;
		try (ConfigurableApplicationContext first = start(SECRET, "")) {
			m2m = m2mClient(first);
			token = clientCredentials(m2m);
		}

		try (ConfigurableApplicationContext rotating = start(NEW_SECRET, SECRET)) {
			verifiesAgainstTheJwks(token);
			assertThat(rows(rotating)).hasSize(2).allSatisfy((row) -> {
				assertThat(KeyEncryption.of(NEW_SECRET, null).open(row).upToDate()).isTrue();
				assertThatThrownBy(() -> KeyEncryption.of(SECRET, null).open(row))
					.isInstanceOf(IllegalStateException.class);
			});
		}

		try (ConfigurableApplicationContext rotated = start(NEW_SECRET, "")) {
			verifiesAgainstTheJwks(token);
			introspectsActive(m2m, token);
			verifiesAgainstTheJwks(clientCredentials(m2m));
		}
	}

	@Test
	void productionRefusesToStartWithoutTheSecret(CapturedOutput output) {
		SpringApplicationBuilder production = new SpringApplicationBuilder(AuthServerApplication.class);

		ProductionReadinessException refused = assertThrows(ProductionReadinessException.class,
				() -> production.run(arguments("test,prod", "", "")));

		// listed with the other problems of this configuration (H2, the test profile's admin password)
		String missing = "AUTH_KEY_ENCRYPTION_SECRET is not set: set it to the output of `openssl rand -base64 32`,"
				+ " the same on every instance, and keep it (README, Configuration)";
		assertThat(refused.problems()).contains(missing);
		assertThat(output).contains("APPLICATION FAILED TO START", "  - " + missing);
	}

	private ConfigurableApplicationContext start(String secret, String previous) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServerApplication.class)
			.run(arguments("test", secret, previous));
		RestAssured.port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return context;
	}

	/** Always H2 (even under -Ppostgres): the tests edit rows, which the shared schema must not see. */
	private String[] arguments(String profiles, String secret, String previous) {
		return new String[] { "--spring.profiles.active=" + profiles, "--server.port=0", "--management.server.port=0",
				"--auth.data-dir=" + this.dataDir,
				"--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("auth-server"),
				"--auth.secrets.key-encryption-secret=" + secret,
				"--auth.secrets.key-encryption-secret-previous=" + previous };
	}

	private static RegisteredCredentials m2mClient(ConfigurableApplicationContext context) {
		RegisteredCredentials client = context.getBean(ClientRegistrar.class)
			.register(NewClient.of(null, "m2m", ClientType.M2M, Set.of(), Set.of(), true));
		SecretsSeen.add(client.clientSecret());
		return client;
	}

	private static String clientCredentials(RegisteredCredentials client) {
		String token = given().auth().preemptive().basic(client.clientId(), client.clientSecret())
			.formParam("grant_type", "client_credentials")
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
		SecretsSeen.add(token);
		return token;
	}

	/** As a resource server checks it: the signature, with the key the JWKS publishes under the token's kid. */
	private static void verifiesAgainstTheJwks(String token) throws Exception {
		SignedJWT jwt = SignedJWT.parse(token);
		JWK key = JWKSet.parse(given().get("/oauth2/jwks").asString()).getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the token's key in the JWKS").isNotNull();
		assertThat(jwt.verify(new ECDSAVerifier(key.toECKey()))).as("the signature").isTrue();
	}

	private static void introspectsActive(RegisteredCredentials client, String token) {
		given().auth().preemptive().basic(client.clientId(), client.clientSecret())
			.formParam("token", token)
			.post("/oauth2/introspect")
			.then()
			.body("active", equalTo(true));
	}

	private static List<SigningKey> rows(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class).query("select kid, jwk, encrypted from signing_key", (result, n) -> {
			SigningKey key = row(result.getString("kid"), result.getString("jwk"));
			key.setEncrypted(result.getBoolean("encrypted"));
			return key;
		});
	}

	private static SigningKey row(String kid, String jwk) {
		SigningKey key = new SigningKey();
		key.setKid(kid);
		key.setJwk(jwk);
		key.setEncrypted(true);
		key.setState(SigningKey.State.SIGNING);
		return key;
	}

	private static String secret() {
		String secret = ServerSecrets.randomBase64Url(32);
		SecretsSeen.add(secret);
		return secret;
	}

}

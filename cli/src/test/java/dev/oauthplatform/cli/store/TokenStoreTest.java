package dev.oauthplatform.cli.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TokenStoreTest {

	@TempDir
	Path temporary;

	@Test
	void theFolderIsCreatedOwnerOnlyAndEveryFileInItReadableByItsOwnerOnly() throws Exception {
		Path home = this.temporary.resolve("nested/oauthctl");
		TokenStore store = new TokenStore(home);

		store.save(login("https://id.example", "cli-a", "access-1"));
		store.locked("https://id.example", "cli-a", () -> null);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
		try (Stream<Path> files = Files.list(home)) {
			assertThat(files.toList()).hasSize(2)
				.allSatisfy((file) -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
					.isEqualTo("rw-------"));
		}
	}

	@Test
	void eachIssuerAndClientIdHasAnEntryOfItsOwn() {
		TokenStore store = new TokenStore(this.temporary);

		store.save(login("https://id.example", "cli-a", "access-a"));
		store.save(login("https://id.example", "cli-b", "access-b"));
		store.save(login("https://other.example", "cli-a", "access-c"));
		store.save(login("https://id.example", "cli-a", "access-a2"));

		assertThat(store.all()).extracting(StoredLogin::accessToken).containsExactly("access-a2", "access-b", "access-c");
		assertThat(store.find("https://id.example", "cli-b")).map(StoredLogin::accessToken).contains("access-b");
		assertThat(store.find("https://id.example", "cli-c")).isEmpty();
	}

	@Test
	void anEntryHoldsTokensAndEndpointsButNeverAPassword() throws Exception {
		TokenStore store = new TokenStore(this.temporary);
		store.save(login("https://id.example", "cli-a", "access-1"));

		try (Stream<Path> files = Files.list(this.temporary)) {
			Path entry = files.filter((file) -> file.toString().endsWith(".json")).findFirst().orElseThrow();
			Map<String, Object> json = JSONObjectUtils.parse(Files.readString(entry));
			assertThat(json).containsOnlyKeys("issuer", "client_id", "token_endpoint", "revocation_endpoint",
					"access_token", "expires_at", "refresh_token", "scope", "id_token");
			assertThat(entry.getFileName().toString()).doesNotContain("id.example").doesNotContain("cli-a");
		}
	}

	@Test
	void anEntryReadBackIsTheOneSaved() {
		TokenStore store = new TokenStore(this.temporary);
		StoredLogin saved = login("https://id.example", "cli-a", "access-1");

		store.save(saved);

		assertThat(store.find("https://id.example", "cli-a")).contains(saved);
	}

	@Test
	void savingAgainLeavesNoTemporaryFileBehind() throws Exception {
		TokenStore store = new TokenStore(this.temporary);

		store.save(login("https://id.example", "cli-a", "access-1"));
		store.save(login("https://id.example", "cli-a", "access-2"));

		try (Stream<Path> files = Files.list(this.temporary)) {
			assertThat(files.toList()).hasSize(1);
		}
	}

	@Test
	void aDeletedEntryIsGone() {
		TokenStore store = new TokenStore(this.temporary);
		StoredLogin login = login("https://id.example", "cli-a", "access-1");
		store.save(login);

		store.delete(login);

		assertThat(store.all()).isEmpty();
	}

	@Test
	void aRefreshKeepsWhatTheAnswerLeftOut() {
		StoredLogin login = login("https://id.example", "cli-a", "access-1");

		StoredLogin refreshed = login.refreshed("access-2", Instant.ofEpochSecond(2_000_000_000L), null, null, null);

		assertThat(refreshed.accessToken()).isEqualTo("access-2");
		assertThat(refreshed.refreshToken()).isEqualTo(login.refreshToken());
		assertThat(refreshed.scope()).isEqualTo(login.scope());
		assertThat(refreshed.idToken()).isEqualTo(login.idToken());
	}

	static StoredLogin login(String issuer, String clientId, String accessToken) {
		return new StoredLogin(issuer, clientId, URI.create(issuer + "/oauth2/token"),
				URI.create(issuer + "/oauth2/revoke"), accessToken, Instant.ofEpochSecond(1_900_000_000L),
				"refresh-" + accessToken, "openid notes.read", "id-token-" + accessToken);
	}

}

package dev.oauthplatform.cli.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.oauthplatform.cli.support.CliException;

import static dev.oauthplatform.cli.store.TokenStoreTest.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectionTest {

	@TempDir
	Path home;

	@Test
	void withOneStoredLoginNothingNeedsNaming() {
		TokenStore store = new TokenStore(this.home);
		store.save(login("https://id.example", "cli-a", "access-a"));

		assertThat(new Selection().one(store).accessToken()).isEqualTo("access-a");
	}

	@Test
	void withSeveralStoredLoginsTheIssuerAndClientMustBeNamed() {
		TokenStore store = new TokenStore(this.home);
		store.save(login("https://id.example", "cli-a", "access-a"));
		store.save(login("https://id.example", "cli-b", "access-b"));

		assertThatThrownBy(() -> new Selection().one(store)).isInstanceOf(CliException.class)
			.hasMessageContaining("2 logins are stored")
			.hasMessageContaining("--issuer and --client-id");
		assertThat(new Selection("https://id.example/", "cli-b").one(store).accessToken()).isEqualTo("access-b");
	}

	@Test
	void notLoggedInSaysWhereAndWhatToRun() {
		TokenStore store = new TokenStore(this.home);

		assertThatThrownBy(() -> new Selection("https://id.example", "cli-a").one(store))
			.hasMessage("Not logged in to https://id.example as cli-a: run oauthctl login --issuer URL --client-id ID --device");
	}

}

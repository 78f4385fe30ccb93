package dev.oauthplatform.cli.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.oauthplatform.cli.support.CliException;

import static dev.oauthplatform.cli.store.TokenStoreTest.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The token folder is used only when it is the user's own and closed to others (ssh's StrictModes). */
class TokenFolderChecksTest {

	private static final String ISSUER = "https://id.example";

	@TempDir
	Path temporary;

	@Test
	void anExistingFolderOthersCanOpenIsRefusedWithTheChmodThatFixesIt() throws Exception {
		Path home = folder("shared", "rwxrwxrwx");
		TokenStore store = new TokenStore(home);

		assertThatThrownBy(() -> store.save(login(ISSUER, "cli-a", "access-1"))).isInstanceOf(CliException.class)
			.hasMessage(home + " must be a folder of yours that only you can read: it is rwxrwxrwx (chmod 700 " + home
					+ ")");
		assertThatThrownBy(store::all).hasMessageContaining("chmod 700");
		assertThatThrownBy(() -> store.find(ISSUER, "cli-a")).hasMessageContaining("chmod 700");
		assertThatThrownBy(() -> store.locked(ISSUER, "cli-a", () -> null)).hasMessageContaining("chmod 700");
		assertThat(home).isEmptyDirectory();
	}

	@Test
	void aGroupReadableFolderIsRefusedToo() throws Exception {
		Path home = folder("group", "rwxr-x---");

		assertThatThrownBy(() -> new TokenStore(home).all()).hasMessageContaining("it is rwxr-x---");
	}

	@Test
	void aSymbolicLinkToAFolderIsRefusedEvenWhenTheFolderIsOwnerOnly() throws Exception {
		Path target = folder("real", "rwx------");
		Path link = Files.createSymbolicLink(this.temporary.resolve("link"), target);
		TokenStore store = new TokenStore(link);

		assertThatThrownBy(() -> store.save(login(ISSUER, "cli-a", "access-1")))
			.hasMessageContaining(link + " must be a folder of yours")
			.hasMessageContaining("a symbolic link");
		assertThatThrownBy(store::all).hasMessageContaining("a symbolic link");
		assertThat(target).isEmptyDirectory();
	}

	@Test
	void aFolderOfAnotherUserIsRefused() throws Exception {
		assumeThat(System.getProperty("user.name")).as("only root can give a folder away").isEqualTo("root");
		Path home = folder("theirs", "rwx------");
		Files.setOwner(home, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

		assertThatThrownBy(() -> new TokenStore(home).all()).hasMessageContaining("it is owned by nobody");
	}

	@Test
	void aFolderTheStoreCreatedIsAccepted() {
		TokenStore store = new TokenStore(this.temporary.resolve("new/oauthctl"));

		store.save(login(ISSUER, "cli-a", "access-1"));

		assertThat(store.find(ISSUER, "cli-a")).isPresent();
	}

	@Test
	void aLockFileThatIsASymbolicLinkIsNotFollowed() throws Exception {
		Path home = folder("home", "rwx------");
		Path victim = this.temporary.resolve("victim");
		Files.createSymbolicLink(home.resolve(TokenStore.fileName(ISSUER, "cli-a") + ".lock"), victim);

		assertThatThrownBy(() -> new TokenStore(home).locked(ISSUER, "cli-a", () -> null))
			.isInstanceOf(CliException.class)
			.hasMessageContaining("is not a regular file");
		assertThat(victim).doesNotExist();
	}

	@Test
	void anEntryThatIsASymbolicLinkIsNotRead() throws Exception {
		Path elsewhere = folder("elsewhere", "rwx------");
		new TokenStore(elsewhere).save(login(ISSUER, "cli-a", "planted"));
		Path home = folder("home", "rwx------");
		String entry = TokenStore.fileName(ISSUER, "cli-a") + ".json";
		Files.createSymbolicLink(home.resolve(entry), elsewhere.resolve(entry));

		assertThatThrownBy(() -> new TokenStore(home).find(ISSUER, "cli-a")).hasMessageContaining("is not a regular file");
		assertThatThrownBy(() -> new TokenStore(home).all()).hasMessageContaining("is not a regular file");
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void anEntryThatIsAFifoIsRefusedRatherThanWaitedOn() throws Exception {
		Path home = folder("home", "rwx------");
		Path fifo = home.resolve(TokenStore.fileName(ISSUER, "cli-a") + ".json");
		assumeThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

		assertThatThrownBy(() -> new TokenStore(home).find(ISSUER, "cli-a")).hasMessageContaining("is not a regular file");
	}

	private Path folder(String name, String mode) throws Exception {
		Path folder = Files.createDirectory(this.temporary.resolve(name));
		// set after creation: the umask would narrow a mode given at creation
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(mode));
		return folder;
	}

}

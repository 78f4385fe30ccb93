package dev.oauthplatform.cli.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.nimbusds.jose.util.JSONObjectUtils;

import dev.oauthplatform.cli.support.CliException;

/**
 * The signed-in sessions: one JSON file per issuer and client id under {@code $OAUTHCTL_HOME}
 * (default {@code ~/.config/oauthctl}), the folder 0700 and every file 0600 from creation. A
 * folder found there is used only when it is the user's own and closed to everyone else.
 */
public final class TokenStore {

	private static final String ENTRY = ".json";

	private static final String LOCK = ".lock";

	private final Path home;

	public TokenStore(Path home) {
		this.home = home;
	}

	public static TokenStore fromEnvironment() {
		String home = System.getenv("OAUTHCTL_HOME");
		return new TokenStore((home != null && !home.isBlank()) ? Path.of(home)
				: Path.of(System.getProperty("user.home"), ".config", "oauthctl"));
	}

	public Path home() {
		return this.home;
	}

	public Optional<StoredLogin> find(String issuer, String clientId) {
		if (!existingFolder()) {
			return Optional.empty();
		}
		return read(entry(issuer, clientId));
	}

	/** Every stored sign-in, in a stable order (issuer, then client id). */
	public List<StoredLogin> all() {
		if (!existingFolder()) {
			return List.of();
		}
		List<StoredLogin> logins = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.home)) {
			files.filter((file) -> file.getFileName().toString().endsWith(ENTRY))
				.forEach((file) -> read(file).ifPresent(logins::add));
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		logins.sort((a, b) -> (a.issuer() + " " + a.clientId()).compareTo(b.issuer() + " " + b.clientId()));
		return logins;
	}

	public void save(StoredLogin login) {
		try {
			OwnerOnlyFiles.createFolder(this.home);
			OwnerOnlyFiles.write(entry(login.issuer(), login.clientId()),
					JSONObjectUtils.toJSONString(login.toJson()).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new CliException("Cannot save the tokens in " + this.home + ": " + ex, ex);
		}
	}

	public void delete(StoredLogin login) {
		try {
			if (!existingFolder()) {
				return;
			}
			Files.deleteIfExists(entry(login.issuer(), login.clientId()));
		}
		catch (IOException ex) {
			throw new CliException("Cannot delete the tokens in " + this.home + ": " + ex, ex);
		}
	}

	/**
	 * Runs {@code action} holding an exclusive lock on this sign-in, across processes: two
	 * {@code oauthctl token} calls must not both spend the same rotating refresh token, or the
	 * server would take the second for a replay and revoke the session. The lock file stays (a
	 * process may be waiting on it); the action reads the entry again once it holds the lock.
	 */
	public <T> T locked(String issuer, String clientId, Supplier<T> action) {
		try {
			OwnerOnlyFiles.createFolder(this.home);
			Path lockFile = this.home.resolve(fileName(issuer, clientId) + LOCK);
			try (FileChannel channel = OwnerOnlyFiles.openForLocking(lockFile); FileLock lock = channel.lock()) {
				return action.get();
			}
		}
		catch (IOException ex) {
			throw new CliException("Cannot lock the tokens in " + this.home + ": " + ex, ex);
		}
	}

	/** Whether the folder exists, refused unless it is safe to use (see {@link OwnerOnlyFiles#checkFolder}). */
	private boolean existingFolder() {
		if (!Files.exists(this.home, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		try {
			OwnerOnlyFiles.checkFolder(this.home);
			return true;
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	private Optional<StoredLogin> read(Path file) {
		try {
			String json = new String(OwnerOnlyFiles.read(file), StandardCharsets.UTF_8);
			return Optional.of(StoredLogin.fromJson(JSONObjectUtils.parse(json)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		catch (java.text.ParseException | RuntimeException ex) {
			throw new CliException(file + " is not an oauthctl entry (" + ex.getMessage() + "): delete it", ex);
		}
	}

	private Path entry(String issuer, String clientId) {
		return this.home.resolve(fileName(issuer, clientId) + ENTRY);
	}

	/** A hash, so that any issuer URL and client id make a safe and fixed-length file name. */
	static String fileName(String issuer, String clientId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((issuer + "\n" + clientId).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private CliException unreadable(IOException ex) {
		return new CliException("Cannot read the tokens in " + this.home + ": " + ex, new UncheckedIOException(ex));
	}

}

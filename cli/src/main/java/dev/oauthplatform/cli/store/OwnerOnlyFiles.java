package dev.oauthplatform.cli.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.Set;

import dev.oauthplatform.cli.support.CliException;

/**
 * Folders (0700) and files (0600) only their owner may read, with that mode from the moment they
 * exist: a chmod afterwards would leave a moment in which another user could open a file full of
 * tokens, and an open descriptor outlives the chmod. A folder that already exists is checked as
 * ssh's StrictModes does: whoever else can write to it can replace an entry (and with it the
 * endpoints the tokens are sent to) or plant a symbolic link for this user to write through.
 */
final class OwnerOnlyFiles {

	private static final FileAttribute<Set<PosixFilePermission>> FOLDER = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private static final FileAttribute<Set<PosixFilePermission>> FILE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private OwnerOnlyFiles() {
	}

	/** Creates {@code folder} 0700 unless it exists, then checks it as {@link #checkFolder} does. */
	static void createFolder(Path folder) throws IOException {
		if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			Files.createDirectories(folder, FOLDER);
		}
		checkFolder(folder);
	}

	/**
	 * Refuses {@code folder} unless it is a folder (not a symbolic link to one), owned by the user
	 * running oauthctl, with no permission for the group or others.
	 */
	static void checkFolder(Path folder) throws IOException {
		PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		String problem = null;
		if (attributes.isSymbolicLink()) {
			problem = "a symbolic link (set OAUTHCTL_HOME to a folder of your own)";
		}
		else if (!attributes.isDirectory()) {
			problem = "not a folder";
		}
		else if (!attributes.owner().equals(currentUser(folder.getFileSystem()))) {
			problem = "owned by " + attributes.owner().getName();
		}
		else if (!OWNER_ONLY.containsAll(attributes.permissions())) {
			problem = PosixFilePermissions.toString(attributes.permissions()) + " (chmod 700 " + folder + ")";
		}
		if (problem != null) {
			throw new CliException(folder + " must be a folder of yours that only you can read: it is " + problem);
		}
	}

	/**
	 * Replaces {@code file} at once: the bytes go to a new 0600 file beside it, moved over the old
	 * one, so a reader sees the old content or the new, never half of it. The move replaces a
	 * symbolic link itself, never what it points to.
	 */
	static void write(Path file, byte[] content) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", FILE);
		try {
			try (SeekableByteChannel channel = Files.newByteChannel(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** The content of {@code file}, which must be a regular file: a link is not followed. */
	static byte[] read(Path file) throws IOException {
		requireRegularFileIfExists(file);
		try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
				Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
			return in.readAllBytes();
		}
	}

	/** Opens {@code file} for locking, creating it 0600 if it does not exist yet; a link is not followed. */
	static FileChannel openForLocking(Path file) throws IOException {
		requireRegularFileIfExists(file);
		return FileChannel.open(file,
				Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), FILE);
	}

	/**
	 * Checked before opening, as NOFOLLOW_LINKS alone would still open a FIFO (and hang on it) or a
	 * device; in a folder only its owner can write to, nothing can swap the file in between.
	 */
	private static void requireRegularFileIfExists(Path file) throws IOException {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		if (!attributes.isRegularFile()) {
			throw new CliException(file + " is not a regular file (a symbolic link, a FIFO?): delete it");
		}
	}

	/**
	 * The user running oauthctl, by name; where the name has no account entry (a container run
	 * under an arbitrary uid), the owner of a file just created tells instead.
	 */
	private static UserPrincipal currentUser(FileSystem fileSystem) throws IOException {
		try {
			return fileSystem.getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
		}
		catch (UserPrincipalNotFoundException ex) {
			Path probe = Files.createTempFile("oauthctl", ".owner");
			try {
				return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
			}
			finally {
				Files.delete(probe);
			}
		}
	}

}

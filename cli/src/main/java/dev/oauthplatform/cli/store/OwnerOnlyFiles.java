package dev.oauthplatform.cli.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders (0700) and files (0600) only their owner may read, with that mode from the moment they
 * exist: a chmod afterwards would leave a moment in which another user could open a file full of
 * tokens, and an open descriptor outlives the chmod.
 */
final class OwnerOnlyFiles {

	private static final FileAttribute<Set<PosixFilePermission>> FOLDER = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private static final FileAttribute<Set<PosixFilePermission>> FILE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

	private OwnerOnlyFiles() {
	}

	static void createFolder(Path folder) throws IOException {
		Files.createDirectories(folder, FOLDER);
	}

	/**
	 * Replaces {@code file} at once: the bytes go to a new 0600 file beside it, moved over the old
	 * one, so a reader sees the old content or the new, never half of it.
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

	/** Opens {@code file} for locking, creating it 0600 if it does not exist yet. */
	static FileChannel openForLocking(Path file) throws IOException {
		return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), FILE);
	}

}

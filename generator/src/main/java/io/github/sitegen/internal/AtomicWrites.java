package io.github.sitegen.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader (or a crash) sees either the old bytes or the new, never half: a
 * temporary file beside the target ({@code .<name><random>.tmp}), then a move. The temporary file
 * is made readable by all ({@code rw-r--r--} before the umask), as an ordinary new file would be —
 * {@link Files#createTempFile} alone gives {@code rw-------}, which a web server serving the site
 * could not read.
 */
public final class AtomicWrites {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicWrites() {}

  /** Writes {@code bytes} to {@code target}, replacing it if it exists; creates parent folders. */
  public static void replace(Path target, byte[] bytes) throws IOException {
    Path temp = temp(target, bytes);
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes {@code bytes} to {@code target}, which must not exist yet. (An atomic move would
   * silently replace an existing file on POSIX; a plain move checks first, then renames within
   * the folder, which is atomic for readers.)
   *
   * @throws java.nio.file.FileAlreadyExistsException when it does
   */
  public static void create(Path target, byte[] bytes) throws IOException {
    Path temp = temp(target, bytes);
    try {
      Files.move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path temp(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    FileAttribute<?>[] readable =
        POSIX
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))
            }
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", readable);
    try {
      Files.write(temp, bytes);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }
}

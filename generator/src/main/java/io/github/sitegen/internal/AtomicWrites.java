package io.github.sitegen.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a reader (or a crash) sees either the old bytes or the new, never half: a
 * temporary file beside the target ({@code .<name>.<pid>-<n>.tmp}), then a move. The temporary file
 * is made readable by all ({@code rw-r--r--} before the umask), as an ordinary new file would be —
 * {@link Files#createTempFile} alone gives {@code rw-------}, which a web server serving the site
 * could not read.
 */
public final class AtomicWrites {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private static final FileAttribute<?>[] READABLE =
      POSIX
          ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))
          }
          : new FileAttribute<?>[0];

  private static final Set<StandardOpenOption> CREATE_NEW =
      EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicWrites() {}

  /** What a streamed write puts in the file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the file's bytes to {@code out} (buffered; flushed and closed afterwards). */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code bytes} to {@code target}, replacing it if it exists; creates parent folders. */
  public static void replace(Path target, byte[] bytes) throws IOException {
    move(temp(target, channel -> write(channel, bytes)), target);
  }

  /**
   * Writes {@code bytes} to {@code target} as {@link #replace(Path, byte[])} does, in a folder the
   * caller knows exists (no look for it first: a site build writes tens of thousands of files).
   */
  public static void replaceInFolder(Path target, byte[] bytes) throws IOException {
    move(fill(target.toAbsolutePath().getParent(), target, channel -> write(channel, bytes)), target);
  }

  /**
   * Writes what {@code content} writes to {@code target}, as {@link #replace(Path, byte[])} does,
   * without holding the whole file in memory first (a cache file of tens of megabytes).
   */
  public static void replace(Path target, Content content) throws IOException {
    move(
        temp(
            target,
            channel -> {
              OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
              content.writeTo(out);
              out.flush();
            }),
        target);
  }

  private static void move(Path temp, Path target) throws IOException {
    boolean moved = false;
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
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
    Path temp = temp(target, channel -> write(channel, bytes));
    boolean moved = false;
    try {
      Files.move(temp, target);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Writes {@code bytes} to {@code target} in place, where no reader can have seen an older
   * version: the caller has just made its folder. A write that fails deletes what it wrote; a
   * crash can leave a short file at {@code target}, never a short copy of a file that was whole
   * before. Falls back to {@link #replaceInFolder} when a file is there after all.
   */
  public static void writeNew(Path target, byte[] bytes) throws IOException {
    SeekableByteChannel channel;
    try {
      channel = Files.newByteChannel(target, CREATE_NEW, READABLE);
    } catch (FileAlreadyExistsException e) {
      replaceInFolder(target, bytes);
      return;
    }
    try (channel) {
      write(channel, bytes);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }

  /** Fills a new temporary file. */
  private interface Filler {
    void fill(SeekableByteChannel channel) throws IOException;
  }

  private static void write(SeekableByteChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static Path temp(Path target, Filler filler) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir); // (it throws and catches an exception when the folder exists)
    }
    return fill(dir, target, filler);
  }

  /** A new temporary file for {@code target} in its folder {@code dir}, filled. */
  private static Path fill(Path dir, Path target, Filler filler) throws IOException {
    // a name no other writer uses: this process's id and a counter (a site build writes tens of
    // thousands of files; createTempFile's secure random names cost more than the write)
    while (true) {
      Path temp =
          dir.resolve("." + target.getFileName() + "." + PID + "-" + COUNTER.incrementAndGet() + ".tmp");
      SeekableByteChannel channel;
      try {
        channel = Files.newByteChannel(temp, CREATE_NEW, READABLE);
      } catch (FileAlreadyExistsException e) {
        continue; // left by a killed process that had this id: take the next name
      }
      try (channel) {
        filler.fill(channel);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      return temp;
    }
  }
}

package io.github.sitegen.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file's bytes, read a chunk at a time into one array: what {@link
 * java.nio.file.Files#readAllBytes} gives, without its cost on large files.
 *
 * <p>{@code Files.readAllBytes} reads the whole file in one call, and the JDK copies a read into a
 * heap array through a temporary direct buffer as large as the read: for a multi-megabyte file
 * (the build cache, the archive index) a new native buffer, zeroed and faulted in page by page,
 * then copied. Measured on the 10k bench archive's 6.5 MB index, launcher flags, cold JVM: ~55 ms
 * against ~5 ms read 64 KiB at a time (the JDK then reuses one small buffer per thread). For many
 * files of like sizes read one after another (snapshots, articles) the JDK keeps its buffer from one
 * read to the next, and {@code Files.readAllBytes} is as fast: this is for the caches' large files.
 */
public final class FileBytes {
  /** Bytes per read: the JDK keeps a temporary direct buffer of this size per thread. */
  static final int CHUNK = 64 * 1024;

  /** The largest array the JDK allocates (as {@code Files.readAllBytes} says). */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private FileBytes() {}

  /**
   * All the bytes of {@code file}, as {@link java.nio.file.Files#readAllBytes} gives them: a file
   * that grows or shrinks while it is read gives the bytes read until its end.
   *
   * @throws IOException when the file cannot be opened or read, or is too large for an array
   */
  public static byte[] read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      if (size > MAX_ARRAY) {
        throw new IOException(file + ": too large to read into memory (" + size + " bytes)");
      }
      byte[] bytes = new byte[(int) size];
      int filled = 0;
      while (filled < bytes.length) {
        int length = Math.min(CHUNK, bytes.length - filled);
        int read = channel.read(ByteBuffer.wrap(bytes, filled, length));
        if (read < 0) {
          return Arrays.copyOf(bytes, filled); // shorter than it was when its size was taken
        }
        filled += read;
      }
      // longer than it was: the rest too (one more read, which finds the end, in the usual case)
      byte[] rest = Channels.newInputStream(channel).readAllBytes();
      if (rest.length == 0) {
        return bytes;
      }
      if ((long) bytes.length + rest.length > MAX_ARRAY) {
        throw new IOException(file + ": too large to read into memory");
      }
      byte[] all = Arrays.copyOf(bytes, bytes.length + rest.length);
      System.arraycopy(rest, 0, all, bytes.length, rest.length);
      return all;
    }
  }
}

package io.github.sitegen.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Cache files that end with a CRC-32 of the rest (as a long, 8 bytes): a file's structure shows a
 * truncation or a changed length, not a changed byte inside a string, a number or a digest, and
 * such a byte must cost a cache miss, never a wrong result. The archive index and the build
 * caches are written so.
 */
public final class Checksummed {
  private Checksummed() {}

  /** Writes a file's fields to a data stream. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the fields; the stream is flushed afterwards. */
    void write(DataOutputStream out) throws IOException;
  }

  /** Writes to {@code stream} what {@code writer} writes, then the CRC-32 of it. */
  public static void write(OutputStream stream, Writer writer) throws IOException {
    var crc = new CRC32();
    // buffered before the check: the CRC is taken over large chunks, not each field's few bytes
    var out =
        new DataOutputStream(
            new BufferedOutputStream(new CheckedOutputStream(stream, crc), 1 << 16));
    writer.write(out);
    out.flush();
    new DataOutputStream(stream).writeLong(crc.getValue()); // (not itself checked)
  }

  /**
   * How many of {@code bytes} a file {@link #write} wrote holds before its check: what {@code
   * writer} wrote; -1 when the check fails (any change, a byte anywhere, a truncation, an
   * appended or a missing end).
   */
  public static int content(byte[] bytes) {
    if (bytes.length < 8) {
      return -1;
    }
    var crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    return ByteBuffer.wrap(bytes).getLong(bytes.length - 8) == crc.getValue()
        ? bytes.length - 8
        : -1;
  }
}

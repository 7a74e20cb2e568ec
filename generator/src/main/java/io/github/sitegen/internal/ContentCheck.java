package io.github.sitegen.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit check of a file's bytes (its CRC-32C, then its CRC-32), for caches keyed by a file's size
 * and time: when only the time changed — a {@code git checkout}, or a copy that does not keep
 * times, gives every file a new one — the check tells whether the bytes did too, at a few GB/s under
 * every JIT tier (both CRCs are intrinsics even under C1, where SHA-256 runs at ~100 MB/s).
 *
 * <p>Not a defence against forged collisions: it only decides whether a result computed earlier from
 * the same path may be reused. Not thread-safe.
 */
public final class ContentCheck {
  private final CRC32C high = new CRC32C();
  private final CRC32 low = new CRC32();

  /** A check of nothing yet. */
  public ContentCheck() {}

  /** Adds bytes. */
  public void update(byte[] bytes, int offset, int length) {
    high.update(bytes, offset, length);
    low.update(bytes, offset, length);
  }

  /** The check of every byte added so far. */
  public long value() {
    return high.getValue() << 32 | low.getValue();
  }

  /** The check of {@code length} bytes from {@code offset}. */
  public static long of(byte[] bytes, int offset, int length) {
    var check = new ContentCheck();
    check.update(bytes, offset, length);
    return check.value();
  }

  /** The check of a file's bytes, read a buffer at a time. */
  public static long of(Path file) throws IOException {
    var check = new ContentCheck();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        check.update(buffer, 0, n);
      }
    }
    return check.value();
  }
}

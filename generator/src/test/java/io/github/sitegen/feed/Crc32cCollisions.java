package io.github.sitegen.feed;

import java.util.zip.CRC32C;

/**
 * Forges CRC32C collisions, as a hostile feed could: for a fixed length, CRC32C is affine over
 * GF(2), so flipping a well-chosen subset of up to 64 chosen bits of one input gives any wanted
 * checksum (Gaussian elimination over the 32 checksum bits).
 */
public final class Crc32cCollisions {
  private Crc32cCollisions() {}

  /** The CRC32C of the bytes. */
  public static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  /**
   * {@code base} with bit 0 of some of the bytes at {@code positions} flipped so that its CRC32C is
   * that of {@code target} (same length).
   *
   * @throws IllegalArgumentException when the positions do not span every checksum
   */
  public static byte[] collide(byte[] target, byte[] base, int[] positions) {
    if (target.length != base.length || positions.length > 64) {
      throw new IllegalArgumentException("same lengths and at most 64 positions");
    }
    int baseCrc = crc(base);
    int[] vector = new int[32]; // basis, by leading bit
    long[] mask = new long[32]; // which positions make it
    for (int i = 0; i < positions.length; i++) {
      byte[] flipped = base.clone();
      flipped[positions[i]] ^= 1;
      int v = crc(flipped) ^ baseCrc;
      long m = 1L << i;
      for (int bit = 31; bit >= 0 && v != 0; bit--) {
        if ((v >>> bit & 1) == 0) {
          continue;
        }
        if (vector[bit] == 0) {
          vector[bit] = v;
          mask[bit] = m;
          break;
        }
        v ^= vector[bit];
        m ^= mask[bit];
      }
    }
    int want = crc(target) ^ baseCrc;
    long flips = 0;
    for (int bit = 31; bit >= 0; bit--) {
      if ((want >>> bit & 1) == 0) {
        continue;
      }
      if (vector[bit] == 0) {
        throw new IllegalArgumentException("these positions cannot reach that checksum");
      }
      want ^= vector[bit];
      flips ^= mask[bit];
    }
    byte[] out = base.clone();
    for (int i = 0; i < positions.length; i++) {
      if ((flips >>> i & 1) != 0) {
        out[positions[i]] ^= 1;
      }
    }
    return out;
  }

  /**
   * Two different RSS items of the same length with the same CRC32C: {@code <item>} elements with
   * the given guids and titles starting with the given words, then 64 letters {@code b} or {@code c}
   * (ASCII; each guid and title as long as its twin).
   */
  public static String[] items(String guidA, String titleA, String guidB, String titleB) {
    String a = item(guidA, titleA);
    String b = item(guidB, titleB);
    if (a.length() != b.length()) {
      throw new IllegalArgumentException("the two items must be as long as each other");
    }
    byte[] bytesB = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int at = b.indexOf("b".repeat(64));
    int[] positions = new int[64];
    for (int i = 0; i < 64; i++) {
      positions[i] = at + i; // ASCII: character offsets are byte offsets
    }
    byte[] forged = collide(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytesB, positions);
    return new String[] {a, new String(forged, java.nio.charset.StandardCharsets.UTF_8)};
  }

  private static String item(String guid, String title) {
    return "<item><title>" + title + " " + "b".repeat(64) + "</title><guid>" + guid + "</guid>"
        + "<pubDate>Fri, 10 Jan 2020 10:00:00 +0000</pubDate>"
        + "<description>&lt;p&gt;" + title + "&lt;/p&gt;</description></item>";
  }
}

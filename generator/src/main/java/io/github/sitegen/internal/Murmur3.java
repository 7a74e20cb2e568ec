package io.github.sitegen.internal;

/**
 * MurmurHash3 x64 128-bit, streaming: fed bytes in any slices, it gives the hash of them all in a
 * row. A fast, well-mixed hash for telling whether inputs changed (not a defence against someone
 * forging collisions: a forged collision could at worst keep an old page until its next change).
 * JIT compilers of every tier run it fast, where SHA-256 is fast only once fully compiled. Not
 * thread-safe.
 */
public final class Murmur3 {
  /** A hasher of nothing yet. */
  public Murmur3() {}

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private long h1;
  private long h2;
  private long length;
  private final byte[] tail = new byte[16];
  private int tailLength;
  /** The tail's 8 bytes as one long, when {@link #update(long)} added them to an empty tail. */
  private long pending;
  /** Whether the tail is {@link #pending} (then {@code tailLength == 8}), not {@link #tail}. */
  private boolean pendingLong;

  /** Adds one byte. */
  public void update(byte b) {
    spill();
    tail[tailLength++] = b;
    length++;
    if (tailLength == 16) {
      block(tail, 0);
      tailLength = 0;
    }
  }

  /**
   * Adds the 8 bytes of {@code value}, least significant first: the same as {@link
   * #update(byte[])} with them, without the copying when what was added so far is a whole number
   * of longs.
   */
  public void update(long value) {
    if (tailLength == 0) {
      pending = value;
      pendingLong = true;
      tailLength = 8;
      length += 8;
    } else if (pendingLong) {
      length += 8;
      tailLength = 0;
      pendingLong = false;
      block(pending, value);
    } else {
      spill();
      for (int i = 0; i < 8; i++) {
        update((byte) (value >>> (8 * i)));
      }
    }
  }

  /** Moves a pending long into the tail bytes, before bytes are added one by one. */
  private void spill() {
    if (pendingLong) {
      for (int i = 0; i < 8; i++) {
        tail[i] = (byte) (pending >>> (8 * i));
      }
      pendingLong = false;
    }
  }

  /** Adds bytes. */
  public void update(byte[] bytes) {
    update(bytes, 0, bytes.length);
  }

  /** Adds {@code count} bytes of {@code bytes} from {@code offset}. */
  public void update(byte[] bytes, int offset, int count) {
    spill();
    length += count;
    int i = offset;
    int end = offset + count;
    if (tailLength > 0) {
      while (tailLength < 16 && i < end) {
        tail[tailLength++] = bytes[i++];
      }
      if (tailLength < 16) {
        return;
      }
      block(tail, 0);
      tailLength = 0;
    }
    for (; i + 16 <= end; i += 16) {
      block(bytes, i);
    }
    while (i < end) {
      tail[tailLength++] = bytes[i++];
    }
  }

  /** The 16-byte hash of everything added; the hasher cannot be used afterwards. */
  public byte[] digest() {
    long[] h = digestLongs();
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (h[0] >>> (8 * i));
      out[8 + i] = (byte) (h[1] >>> (8 * i));
    }
    return out;
  }

  /**
   * The hash of everything added as two longs: {@link #digest()}'s first eight bytes
   * (little-endian), then its last eight; the hasher cannot be used afterwards.
   */
  public long[] digestLongs() {
    spill();
    long k1 = 0;
    long k2 = 0;
    for (int i = tailLength - 1; i >= 8; i--) {
      k2 = (k2 << 8) | (tail[i] & 0xff);
    }
    for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
      k1 = (k1 << 8) | (tail[i] & 0xff);
    }
    if (tailLength > 8) {
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
    }
    if (tailLength > 0) {
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = mix(h1);
    h2 = mix(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private void block(byte[] b, int at) {
    block(littleEndian(b, at), littleEndian(b, at + 8));
  }

  private void block(long k1, long k2) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 = Long.rotateLeft(h1, 27);
    h1 += h2;
    h1 = h1 * 5 + 0x52dce729;
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    h2 = Long.rotateLeft(h2, 31);
    h2 += h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  private static long littleEndian(byte[] b, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}

package io.github.sitegen.feed;

import io.github.sitegen.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The items one run has read so far, so that {@link FeedReader#read(java.nio.file.Path,
 * io.github.sitegen.Reporter, ItemMemo)} does not parse again an item an earlier snapshot already
 * had byte for byte. Snapshots of a feed overlap a lot (an article stays in the feed for days), so
 * most items of a snapshot have been seen before.
 *
 * <p>An item is known by its raw bytes and everything outside it that changes how it reads (the
 * prolog and the root's and {@code <channel>}'s start tags, or the {@code <feed>} start tag and its
 * {@code link}s, with their namespaces and {@code xml:base}; see {@link ItemSpans}): a hit
 * needs both to be equal byte for byte, so feeds cannot forge one. A cheap hash
 * (CRC32C, which every JIT tier runs as one instruction per 8 bytes) only narrows the search; a
 * collision costs a comparison, never a wrong item. The feed's link, the last resort for an item's
 * base URI, is checked too. Only items read without any problem are remembered. Thread-safe; one per
 * run.
 *
 * <p>It holds each item version with its bytes, and forgets one that no file has had among the
 * last {@value #FORGET_AFTER} files read: snapshots are read in name (time) order, an article stays
 * in a feed for some days, so what is older is rarely seen again, and memory stays bounded by the
 * items of recent files. A forgotten item that comes back is only parsed again.
 */
public final class ItemMemo {
  /** Files read after which an item no file had is forgotten. */
  static final int FORGET_AFTER = 256;

  /**
   * An item as read once, with its line relative to its start tag's and the line breaks in its
   * bytes.
   */
  record Known(FeedItem item, int lineOffset, String feedLink, int lineBreaks) {}

  /**
   * An item's bytes ({@code bytes[from..to)}) in their context. Equal keys have equal bytes and
   * equal contexts; the hash only spreads them. A key made by {@link FeedReader} points into the
   * file's bytes until {@link #compact}ed.
   */
  public static final class Key {
    private final byte[] context;
    private final int contextHash;
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int crc;
    /** {@link #digest}, once made (threads that race for it make it twice, the same). */
    private @Nullable String digest;

    private Key(byte[] context, int contextHash, byte[] bytes, int from, int to, int crc) {
      this.context = context;
      this.contextHash = contextHash;
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      this.crc = crc;
    }

    /**
     * The SHA-256 (hex) of the context and the item's bytes, each after its length: equal for
     * equal keys, and, unlike {@link #hashCode}, not to be forged by a feed. For keys kept beyond
     * a run (an import's cache folder).
     */
    public String digest() {
      String made = digest;
      if (made == null) {
        made = sha256();
        digest = made;
      }
      return made;
    }

    private String sha256() {
      MessageDigest sha256 = Sha256.digest();
      sha256.update(Integer.toString(context.length).getBytes(StandardCharsets.US_ASCII));
      sha256.update((byte) ' ');
      sha256.update(context);
      sha256.update(Integer.toString(to - from).getBytes(StandardCharsets.US_ASCII));
      sha256.update((byte) ' ');
      sha256.update(bytes, from, to - from);
      return HexFormat.of().formatHex(sha256.digest());
    }

    /** This key with its own copy of the item's bytes: it no longer holds the whole file. */
    public Key compact() {
      if (from == 0 && to == bytes.length) {
        return this;
      }
      return new Key(context, contextHash, Arrays.copyOfRange(bytes, from, to), 0, to - from, crc);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key k
          && crc == k.crc
          && contextHash == k.contextHash
          && to - from == k.to - k.from
          && Arrays.equals(bytes, from, to, k.bytes, k.from, k.to)
          && Arrays.equals(context, k.context);
    }

    @Override
    public int hashCode() {
      return 31 * contextHash + crc;
    }
  }

  /** An item remembered, with the count of files read when a file last had it. */
  private static final class Entry {
    final Known item;
    volatile int lastSeen;

    Entry(Known item, int lastSeen) {
      this.item = item;
      this.lastSeen = lastSeen;
    }
  }

  private final Map<Key, Entry> known = new ConcurrentHashMap<>();
  private final AtomicInteger files = new AtomicInteger();
  private final int forgetAfter;

  /** A new, empty memo. */
  public ItemMemo() {
    this(FORGET_AFTER);
  }

  /** For tests: forgets items after {@code forgetAfter} files. */
  ItemMemo(int forgetAfter) {
    if (forgetAfter < 1) {
      throw new IllegalArgumentException("forgetAfter must be positive, found " + forgetAfter);
    }
    this.forgetAfter = forgetAfter;
  }

  /** How many distinct item versions are remembered. */
  public int size() {
    return known.size();
  }

  @Nullable Known get(Key key) {
    Entry entry = known.get(key);
    if (entry == null) {
      return null;
    }
    entry.lastSeen = files.get();
    return entry.item;
  }

  /** Remembers an item; the key's bytes are copied, so the file's bytes are not kept. */
  void remember(Key key, Known item) {
    known.putIfAbsent(key.compact(), new Entry(item, files.get()));
  }

  /**
   * Counts one more file read; every quarter of the window, forgets the items no file had in the
   * last {@code forgetAfter} files.
   */
  void fileRead() {
    int count = files.incrementAndGet();
    if (count % Math.max(1, forgetAfter / 4) == 0) {
      int before = count - forgetAfter;
      known.values().removeIf(e -> e.lastSeen < before);
    }
  }

  /** The key of each item of a scanned file, in order; they point into {@code bytes}. */
  static Key[] keys(byte[] bytes, ItemSpans spans) {
    byte[] context = spans.context();
    int contextHash = Arrays.hashCode(context);
    Key[] keys = new Key[spans.items().size()];
    CRC32C crc = new CRC32C();
    for (int i = 0; i < keys.length; i++) {
      ItemSpans.Span span = spans.items().get(i);
      crc.reset();
      crc.update(bytes, span.start(), span.end() - span.start());
      keys[i] = new Key(context, contextHash, bytes, span.start(), span.end(), (int) crc.getValue());
    }
    return keys;
  }
}

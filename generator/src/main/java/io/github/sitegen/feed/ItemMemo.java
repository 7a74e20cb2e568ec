package io.github.sitegen.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The items one run has read so far, so that {@link FeedReader#read(java.nio.file.Path,
 * io.github.sitegen.Reporter, ItemMemo)} does not parse again an item an earlier snapshot already
 * had byte for byte. Snapshots of a feed overlap a lot (an article stays in the feed for days), so
 * most items of a snapshot have been seen before.
 *
 * <p>An item is known by the SHA-256 of its raw bytes and of everything outside it that changes how
 * it reads (the prolog and the {@code <rss>} and {@code <channel>} start tags, with their
 * namespaces and {@code xml:base}); the feed's link, the last resort for an item's base URI, is
 * checked too. Only items read without any problem are remembered. Thread-safe; one per run: it
 * holds every distinct item version it saw.
 */
public final class ItemMemo {

  /** An item as read once, with its line relative to its start tag's. */
  record Known(FeedItem item, int lineOffset, String feedLink) {}

  /** The digest of an item's bytes in their context, compared as four longs. */
  record Key(long a, long b, long c, long d) {
    static Key of(MessageDigest digest) {
      byte[] h = digest.digest();
      return new Key(at(h, 0), at(h, 8), at(h, 16), at(h, 24));
    }

    private static long at(byte[] h, int i) {
      long v = 0;
      for (int k = 0; k < 8; k++) {
        v = v << 8 | (h[i + k] & 0xFF);
      }
      return v;
    }
  }

  private final Map<Key, Known> known = new ConcurrentHashMap<>();

  /** A new, empty memo. */
  public ItemMemo() {}

  /** How many distinct item versions are remembered. */
  public int size() {
    return known.size();
  }

  @Nullable Known get(Key key) {
    return known.get(key);
  }

  void remember(Key key, Known item) {
    known.putIfAbsent(key, item);
  }

  /** The key of each item of a scanned file, in order. */
  static Key[] keys(byte[] bytes, ItemSpans spans) {
    MessageDigest digest = sha256();
    digest.update(spans.context());
    byte[] contextDigest = digest.digest();
    Key[] keys = new Key[spans.items().size()];
    for (int i = 0; i < keys.length; i++) {
      ItemSpans.Span span = spans.items().get(i);
      digest.update(contextDigest);
      digest.update(bytes, span.start(), span.end() - span.start());
      keys[i] = Key.of(digest);
    }
    return keys;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}

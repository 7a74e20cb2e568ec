package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.ContentCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The feed items an earlier import merged into the archive, kept in the cache folder ({@value
 * #FILE}) so that the next import need not parse and convert them again: an hourly snapshot holds
 * some fifty items, and most of them were in the snapshot of the hour before, byte for byte.
 *
 * <p>An item is known by the SHA-256 of its bytes in their context ({@link
 * io.github.sitegen.feed.ItemMemo.Key#digest}), with the id it gave, the archive file it was merged
 * into, the {@link ContentCheck} of that file's bytes as the import left them, and the feed's title
 * and link (a conversion reads both). It is remembered only when it alone won its merge (the latest
 * version, nothing tied with it) and the file then held exactly what the merge made: merging it
 * again into that same file changes nothing (see {@link VersionMerger}: the archived file stands
 * for the versions merged before, and this one is already the latest of them). Whoever takes an
 * item as known checks that the file still has those bytes; a hand edit, a deletion or any later
 * version of the article makes it unknown.
 *
 * <p>The file is tied to the code that wrote it and to the zone dates are written in: another
 * version of site-gen, or another zone, reads every item again. A file that cannot be read is
 * ignored.
 */
final class SeenItems {
  /** The file's name in the cache folder. */
  static final String FILE = "seen-items.txt";

  private static final String HEADER = "site-gen seen items 1";

  /**
   * One item as an earlier import merged it.
   *
   * @param id the article id it gave
   * @param path its archive file, relative to the archive, {@code /}-separated
   * @param check the {@link ContentCheck} of that file's bytes
   * @param feedTitle the feed title of its snapshot
   * @param feedLink the feed link of its snapshot
   */
  record Seen(String id, String path, long check, String feedTitle, String feedLink) {
    Seen {
      requireNonNull(id, "id");
      requireNonNull(path, "path");
      requireNonNull(feedTitle, "feedTitle");
      requireNonNull(feedLink, "feedLink");
    }
  }

  /** Nothing seen. */
  static final SeenItems NONE = new SeenItems("", Map.of());

  private final String identity;
  private final Map<String, Seen> items;

  private SeenItems(String identity, Map<String, Seen> items) {
    this.identity = identity;
    this.items = Map.copyOf(items);
  }

  /** The items of {@code identity} ({@link #identity}) remembered in {@code folder}; none if any doubt. */
  static SeenItems load(Path folder, String identity) {
    try {
      List<String> lines = Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8);
      if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals(identity)) {
        return NONE;
      }
      Map<String, Seen> items = new HashMap<>();
      for (String line : lines.subList(2, lines.size())) {
        // <sha-256> TAB <check, hex> TAB <id> TAB <path> TAB <feed title> TAB <feed link>
        String[] parts = line.split("\t", -1);
        if (parts.length != 6 || parts[0].length() != 64) {
          return NONE;
        }
        items.put(
            parts[0],
            new Seen(parts[2], parts[3], Long.parseUnsignedLong(parts[1], 16), parts[4], parts[5]));
      }
      return new SeenItems(identity, items);
    } catch (IOException | RuntimeException e) {
      return NONE; // missing or damaged: every item is read again
    }
  }

  /**
   * What the file is tied to: the code's identity and the zone dates are written in (one line: no
   * line break in either).
   */
  static String identity(String code, String zone) {
    return ("code " + code + " zone " + zone).replace('\n', ' ').replace('\r', ' ');
  }

  /** Whether nothing is remembered. */
  boolean isEmpty() {
    return items.isEmpty();
  }

  /** Whether these are the items remembered, for {@code identity}. */
  boolean holds(Map<String, Seen> items, String identity) {
    return this.identity.equals(identity) && this.items.equals(items);
  }

  /** The item with this digest, or null. */
  @Nullable Seen get(String digest) {
    return items.get(digest);
  }

  /**
   * Writes {@code items} (by digest) to {@code folder} for {@code identity}, replacing what it held;
   * an item whose fields could not stand on one line of tab-separated fields is left out.
   */
  static void save(Path folder, String identity, Map<String, Seen> items) throws IOException {
    var text = new StringBuilder(HEADER).append('\n').append(identity).append('\n');
    new TreeMap<>(items)
        .forEach(
            (digest, seen) -> {
              if (plain(seen.id())
                  && plain(seen.path())
                  && plain(seen.feedTitle())
                  && plain(seen.feedLink())) {
                text.append(digest)
                    .append('\t')
                    .append(java.util.HexFormat.of().toHexDigits(seen.check()))
                    .append('\t')
                    .append(seen.id())
                    .append('\t')
                    .append(seen.path())
                    .append('\t')
                    .append(seen.feedTitle())
                    .append('\t')
                    .append(seen.feedLink())
                    .append('\n');
              }
            });
    Files.createDirectories(folder);
    AtomicWrites.replace(folder.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a field fits between tabs on one line. */
  private static boolean plain(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }
}

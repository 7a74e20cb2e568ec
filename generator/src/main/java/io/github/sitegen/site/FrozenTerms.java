package io.github.sitegen.site;

import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.Checksummed;
import io.github.sitegen.internal.FileBytes;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The search terms of the frozen documents ({@link SearchIndex}'s {@code t/} shards), and the title,
 * date and snippet of their entries, kept in the cache folder ({@code search-frozen.bin}) apart
 * from the build cache: most of an index's terms (90 % at 10,000 articles, 98 % at 50,000) and most
 * of its entries, which a build needs only when it must make those shards and the document table's
 * chunks of frozen documents again (a block of new documents filled, an old one edited, a file
 * touched), not in the hourly update that carries them. The build cache then holds their entries
 * without terms, and without title, date and snippet for the documents of those chunks.
 *
 * <p>Each document's terms are found by its page and search-entry key, so a file from another
 * build than the build cache's still gives the right terms or none; a file made for another key
 * (version, options, theme), missing or damaged (a CRC-32 at its end, as the build cache's, tells
 * a changed byte) gives none, and the build parses those bodies again. Written atomically.
 */
final class FrozenTerms {
  static final String FILE = "search-frozen.bin";
  private static final String MAGIC = "site-gen frozen search terms";
  private static final int FORMAT = 4;

  /**
   * A frozen document's terms and the title, date and snippet of its search entry, valid while
   * that entry's {@code key} is the same.
   */
  record Doc(
      String page, byte[] key, SearchIndex.Terms terms, String title, String date, String snippet) {}

  private FrozenTerms() {}

  /** Writes {@code docs} into {@code folder} for the build cache key {@code key}. */
  static void save(Path folder, String key, List<Doc> docs) throws IOException {
    Files.createDirectories(folder);
    var numbers = new WordNumbers();
    List<int[]> ids = new ArrayList<>(docs.size());
    for (Doc doc : docs) {
      ids.add(numbers.of(doc.terms()));
    }
    AtomicWrites.replace(
        folder.resolve(FILE),
        stream -> Checksummed.write(stream, out -> write(out, key, numbers.words(), docs, ids)));
  }

  private static void write(
      DataOutputStream out, String key, List<String> words, List<Doc> docs, List<int[]> ids)
      throws IOException {
    BuildCache.header(out, MAGIC, FORMAT, key);
    BuildCache.strings(out, words);
    out.writeInt(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      Doc doc = docs.get(i);
      BuildCache.utf(out, doc.page());
      BuildCache.bytes(out, doc.key());
      BuildCache.ints(out, ids.get(i));
      BuildCache.utf(out, doc.title());
      BuildCache.utf(out, doc.date());
      BuildCache.utf(out, doc.snippet());
    }
    BuildCache.utf(out, MAGIC);
  }

  /**
   * The documents in {@code folder}'s file by page, when it was made for {@code key}; none when
   * there is no such file or it cannot be read.
   */
  static Map<String, Doc> load(Path folder, String key) {
    byte[] bytes;
    try {
      bytes = FileBytes.read(folder.resolve(FILE));
    } catch (IOException e) {
      return Map.of();
    }
    try {
      BuildCache.@Nullable Input in = BuildCache.Input.checked(bytes);
      // (damaged, it gives nothing: a changed byte could otherwise show in the search index)
      if (in == null
          || !in.string().equals(MAGIC)
          || in.buffer.getInt() != FORMAT
          || !in.string().equals(key)) {
        return Map.of();
      }
      String[] dictionary = in.strings();
      int count = in.count(4);
      Map<String, Doc> docs = new HashMap<>(2 * count);
      for (int i = 0; i < count; i++) {
        String page = in.string();
        byte[] docKey = in.bytes();
        int[] ids = in.ints(dictionary.length);
        var terms = new SearchIndex.Terms(dictionary, ids, true);
        docs.put(page, new Doc(page, docKey, terms, in.string(), in.string(), in.string()));
      }
      if (!in.string().equals(MAGIC)) {
        return Map.of();
      }
      return docs;
    } catch (RuntimeException e) {
      return Map.of(); // truncated or damaged
    }
  }
}

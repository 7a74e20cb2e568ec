package io.github.sitegen.site;

import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.Checksummed;
import io.github.sitegen.internal.ContentCheck;
import io.github.sitegen.internal.FileBytes;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the previous build made, kept in the cache folder ({@code site-pages.bin}) so that the next
 * build renders only the pages whose inputs changed: each page's fingerprint and the size and time
 * of the file it wrote, every other file it wrote (to delete those no build makes any more), and
 * what each article body gave (reading time, the links it holds, its search entry), keyed by the
 * digest of the body's bytes, and what the search index's frozen shards were made from (which are
 * recorded as pages).
 *
 * <p>A cache made by another version, for other options or theme ({@link #key}), or that cannot be
 * read is ignored: the build is then a clean one. So is a damaged one, a single byte changed
 * anywhere included: the file ends with a CRC-32 of the rest ({@link Checksummed}). Written
 * atomically; thread-safe while a build fills it.
 */
final class BuildCache {
  static final String FILE = "site-pages.bin";
  private static final String MAGIC = "site-gen build cache";
  private static final int FORMAT = 10;

  /**
   * A page written: its fingerprint, and the file's size, modification time (ms) and {@link
   * ContentCheck}; the check tells the file the build wrote from one copied or restored by a tool
   * that did not keep its time.
   */
  record PageEntry(byte[] fingerprint, long size, long modified, long check) {
    boolean sameFingerprint(byte[] other) {
      return Arrays.equals(fingerprint, other);
    }

    /** This entry for the same file found with another time. */
    PageEntry at(long time) {
      return new PageEntry(fingerprint, size, time, check);
    }
  }

  /**
   * What a body gave, for the body whose bytes have digest {@code identity}.
   *
   * @param destinations every link and image destination in it, as written
   * @param stored where its HTML is in the {@link BodyStore}, or null when it is not kept there
   */
  record BodyEntry(
      byte[] identity,
      int minutes,
      List<String> destinations,
      BodyStore.@Nullable Location stored) {
    BodyEntry {
      destinations = List.copyOf(destinations);
    }

    /** This entry with its HTML at {@code stored} (null: not kept). */
    BodyEntry at(BodyStore.@Nullable Location stored) {
      return new BodyEntry(identity, minutes, destinations, stored);
    }
  }

  /**
   * The search index's frozen shards ({@code search/index/t/}, each a page entry of its own): made
   * from the documents whose digest is {@code frozen} ({@link SearchIndex#frozenDigest}), the first
   * term of each.
   */
  record SearchEntry(byte[] frozen, List<String> shards) {
    SearchEntry {
      shards = List.copyOf(shards);
    }
  }

  /**
   * An article's search entry, valid while its {@code key} (body and front matter) is the same.
   *
   * @param title null (as {@code date} and {@code snippet}) for a frozen document of a document-table
   *     chunk carried with the frozen shards ({@link SearchIndex#frozenChunks}), whose entry {@link
   *     FrozenTerms} keeps, needed only when those files are made again
   * @param terms null for a frozen document's, which {@link FrozenTerms} keeps: most of an index's
   *     terms, needed only when its frozen shards are made again
   */
  record DocEntry(
      byte[] key,
      @Nullable String title,
      @Nullable String date,
      @Nullable String snippet,
      SearchIndex.@Nullable Terms terms) {
    /** This entry with {@code terms}. */
    DocEntry withTerms(SearchIndex.@Nullable Terms terms) {
      return new DocEntry(key, title, date, snippet, terms);
    }

    /** Whether it holds the title, date and snippet. */
    boolean shown() {
      return title != null;
    }

    /** This entry without its title, date and snippet. */
    DocEntry withoutShown() {
      return new DocEntry(key, null, null, null, terms);
    }
  }

  private final String key;
  private final Map<String, PageEntry> pages = new ConcurrentHashMap<>();
  private final Set<String> others = ConcurrentHashMap.newKeySet();
  private final Map<String, BodyEntry> bodies = new ConcurrentHashMap<>();
  private final Map<String, DocEntry> docs = new ConcurrentHashMap<>();
  private volatile @Nullable SearchEntry search;
  private volatile byte[] plan = new byte[0];

  BuildCache(String key) {
    this.key = key;
  }

  /** The key: what every page depends on (version, options, theme). */
  String key() {
    return key;
  }

  /**
   * The cache in {@code folder} made for {@code key}, or an empty one when there is none, it was
   * made for another key or cannot be read.
   */
  static BuildCache load(Path folder, String key) {
    Path file = folder.resolve(FILE);
    BuildCache cache = new BuildCache(key);
    byte[] bytes;
    try {
      bytes = FileBytes.read(file);
    } catch (NoSuchFileException e) {
      return cache;
    } catch (IOException e) {
      return cache;
    }
    try {
      @Nullable Input in = Input.checked(bytes);
      if (in == null || !in.string().equals(MAGIC) || in.buffer.getInt() != FORMAT) {
        return cache; // (damaged: a changed byte could otherwise show as a wrong reading time)
      }
      boolean sameKey = in.string().equals(key);
      cache.plan = in.bytes();
      int pages = in.buffer.getInt();
      for (int i = 0; i < pages; i++) {
        String path = in.string();
        cache.pages.put(
            path,
            new PageEntry(in.bytes(), in.buffer.getLong(), in.buffer.getLong(), in.buffer.getLong()));
      }
      cache.others.addAll(List.of(in.strings()));
      int bodies = in.buffer.getInt();
      for (int i = 0; i < bodies; i++) {
        String page = in.string();
        byte[] identity = in.bytes();
        int minutes = in.buffer.getInt();
        List<String> destinations = List.of(in.strings());
        long offset = in.buffer.getLong();
        int length = in.buffer.getInt();
        cache.bodies.put(
            page,
            new BodyEntry(
                identity,
                minutes,
                destinations,
                offset < 0 ? null : new BodyStore.Location(offset, length)));
      }
      String[] dictionary = in.strings();
      int docs = in.buffer.getInt();
      for (int i = 0; i < docs; i++) {
        String page = in.string();
        byte[] docKey = in.bytes();
        boolean shown = in.buffer.get() == 1;
        String title = shown ? in.string() : null;
        String date = shown ? in.string() : null;
        String snippet = shown ? in.string() : null;
        if (in.buffer.get() == 0) {
          cache.docs.put(page, new DocEntry(docKey, title, date, snippet, null));
          continue;
        }
        int[] ids = in.ints(dictionary.length);
        cache.docs.put(
            page, new DocEntry(docKey, title, date, snippet, new SearchIndex.Terms(dictionary, ids, true)));
      }
      if (in.buffer.get() == 1) {
        byte[] frozen = in.bytes();
        cache.search = new SearchEntry(frozen, List.of(in.strings()));
      }
      if (!in.string().equals(MAGIC)) {
        return new BuildCache(key);
      }
      if (!sameKey) {
        // made for other options, theme or version: nothing in it holds, but the files it lists
        // were written by site-gen, so those no page makes any more can still be removed
        BuildCache outputs = new BuildCache(key);
        outputs.others.addAll(cache.outputs());
        return outputs;
      }
      return cache;
    } catch (RuntimeException e) {
      return new BuildCache(key); // truncated or corrupt: start clean
    }
  }

  /** Writes this cache into {@code folder}, atomically; once the build that filled it is done. */
  void save(Path folder) throws IOException {
    Files.createDirectories(folder);
    // streamed: at 50,000 articles the file is ~16 MB, which a byte array would hold twice over
    AtomicWrites.replace(folder.resolve(FILE), stream -> Checksummed.write(stream, this::write));
  }

  private void write(DataOutputStream out) throws IOException {
    header(out, MAGIC, FORMAT, key);
    bytes(out, plan);
    // in no particular order: the cache is not compared, only read back
    out.writeInt(pages.size());
    for (Map.Entry<String, PageEntry> e : pages.entrySet()) {
      utf(out, e.getKey());
      bytes(out, e.getValue().fingerprint());
      out.writeLong(e.getValue().size());
      out.writeLong(e.getValue().modified());
      out.writeLong(e.getValue().check());
    }
    strings(out, others);
    out.writeInt(bodies.size());
    for (Map.Entry<String, BodyEntry> e : bodies.entrySet()) {
      utf(out, e.getKey());
      bytes(out, e.getValue().identity());
      out.writeInt(e.getValue().minutes());
      strings(out, e.getValue().destinations());
      BodyStore.@Nullable Location stored = e.getValue().stored();
      out.writeLong(stored == null ? -1 : stored.offset());
      out.writeInt(stored == null ? 0 : stored.length());
    }
    // one dictionary of every doc's words; a dictionary many docs share (the one this cache was
    // loaded with) is mapped once per word, not once per occurrence
    var numbers = new WordNumbers();
    Map<String, int[]> docWords = new HashMap<>();
    for (Map.Entry<String, DocEntry> e : docs.entrySet()) {
      SearchIndex.Terms terms = e.getValue().terms();
      if (terms != null) {
        docWords.put(e.getKey(), numbers.of(terms));
      }
    }
    strings(out, numbers.words());
    out.writeInt(docs.size());
    for (Map.Entry<String, DocEntry> e : docs.entrySet()) {
      DocEntry doc = e.getValue();
      utf(out, e.getKey());
      bytes(out, doc.key());
      out.writeByte(doc.shown() ? 1 : 0);
      if (doc.shown()) {
        utf(out, doc.title());
        utf(out, doc.date());
        utf(out, doc.snippet());
      }
      int[] ids = docWords.get(e.getKey());
      out.writeByte(ids == null ? 0 : 1);
      if (ids == null) {
        continue;
      }
      ints(out, ids);
    }
    SearchEntry frozen = search;
    out.writeByte(frozen == null ? 0 : 1);
    if (frozen != null) {
      bytes(out, frozen.frozen());
      strings(out, frozen.shards());
    }
    utf(out, MAGIC);
    out.flush();
  }

  /**
   * The digest of what the build planned its pages from besides the key: every article's front
   * matter, the archived images and the JDK ({@link SiteGenerator}'s plan digest); empty when not
   * known. Two builds with the same key and plan digest plan the same pages with the same models.
   */
  byte[] plan() {
    return plan;
  }

  void plan(byte[] digest) {
    plan = digest.clone();
  }

  @Nullable PageEntry page(String path) {
    return pages.get(path);
  }

  void page(String path, PageEntry entry) {
    pages.put(path, entry);
  }

  /** Every file the build wrote that is not a page (search index, theme files, images). */
  void other(String path) {
    others.add(path);
  }

  /** Whether {@code path} is one of {@link #outputs}, without making that set. */
  boolean isOutput(String path) {
    return pages.containsKey(path) || others.contains(path);
  }

  /** Every output file this cache knows of. */
  Set<String> outputs() {
    Set<String> all = new LinkedHashSet<>(pages.keySet());
    all.addAll(others);
    return all;
  }

  @Nullable BodyEntry body(String articlePage) {
    return bodies.get(articlePage);
  }

  void body(String articlePage, BodyEntry entry) {
    bodies.put(articlePage, entry);
  }

  /** Every body's entry, by article page. */
  Map<String, BodyEntry> bodies() {
    return bodies;
  }

  @Nullable DocEntry doc(String articlePage) {
    return docs.get(articlePage);
  }

  void doc(String articlePage, DocEntry entry) {
    docs.put(articlePage, entry);
  }

  /** The search index's frozen shards as the build left them; null when it made none. */
  @Nullable SearchEntry search() {
    return search;
  }

  void search(SearchEntry entry) {
    search = entry;
  }

  /**
   * A cache file's bytes, read through a buffer (a data stream over them is slow): strings and
   * byte arrays as {@link #utf} and {@link #bytes} write them. {@link SiteState} reads its file so too.
   */
  static final class Input {
    final ByteBuffer buffer;

    Input(byte[] bytes) {
      this(ByteBuffer.wrap(bytes));
    }

    private Input(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    /**
     * The bytes of a file {@link Checksummed#write} wrote, to be read from the start; null when its
     * check fails.
     */
    static @Nullable Input checked(byte[] bytes) {
      int content = Checksummed.content(bytes);
      return content < 0 ? null : new Input(ByteBuffer.wrap(bytes, 0, content)); // (offset 0)
    }

    String string() {
      int n = buffer.getInt();
      String s = new String(buffer.array(), buffer.position(), n, StandardCharsets.UTF_8);
      buffer.position(buffer.position() + n);
      return s;
    }

    byte[] bytes() {
      byte[] bytes = new byte[buffer.getShort() & 0xffff];
      buffer.get(bytes);
      return bytes;
    }

    /** An array of strings as {@link #strings(DataOutputStream, List)} writes it. */
    String[] strings() {
      String[] strings = new String[count(4)];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = string();
      }
      return strings;
    }

    /**
     * An int array as {@link #ints} writes it, each value from 0 to {@code below} (exclusive).
     *
     * @throws IllegalArgumentException when a value is out of that range (a damaged file)
     */
    int[] ints(int below) {
      int[] values = new int[count(4)];
      for (int k = 0; k < values.length; k++) {
        int value = buffer.getInt();
        if (value < 0 || value >= below) {
          throw new IllegalArgumentException("damaged: " + value + " not below " + below);
        }
        values[k] = value;
      }
      return values;
    }

    /**
     * A count of records to read, each at least {@code bytesEach} bytes long: more than the bytes
     * left could hold is a damaged file (an array of that size could exhaust the heap, an error no
     * caller would take for a cache miss).
     *
     * @throws IllegalArgumentException when the count is negative or too large
     */
    int count(int bytesEach) {
      int n = buffer.getInt();
      if (n < 0 || n > buffer.remaining() / bytesEach) {
        throw new IllegalArgumentException("damaged: " + n + " records");
      }
      return n;
    }
  }

  /** A cache file's first fields: what it is, its format and the key it was made for. */
  static void header(DataOutputStream out, String magic, int format, String key)
      throws IOException {
    utf(out, magic);
    out.writeInt(format);
    utf(out, key);
  }

  /** Strings as their count, then each as {@link #utf} writes it. */
  static void strings(DataOutputStream out, Collection<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      utf(out, s);
    }
  }

  /** An int array as its length, then its values, in one write (not a locked write per int). */
  static void ints(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    var chunk = java.nio.ByteBuffer.allocate(4 * values.length);
    chunk.asIntBuffer().put(values);
    out.write(chunk.array());
  }

  /** A string as its UTF-8 length (an int), then its UTF-8 bytes. */
  static void utf(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** A byte array of up to 65,535 bytes as its length (a short), then the bytes. */
  static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeShort(bytes.length);
    out.write(bytes);
  }

}

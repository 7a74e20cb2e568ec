package io.github.sitegen.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The static full-text search index under {@code search/index/}, built so that a query downloads
 * only what it needs:
 *
 * <ul>
 *   <li>{@code meta.json}: the number of documents, the chunk size, {@code split} (see below), the
 *       stop words and the first term of every shard of {@code t/} ({@code shards}) and of {@code
 *       r/} ({@code recent});
 *   <li>{@code t/N.json}: shard N, a run of consecutive terms in sorted order (so each shard holds
 *       the terms of one prefix range), each with its posting list: ascending document numbers,
 *       delta-encoded in base 36, comma-separated. Shards are cut at about {@link #SHARD_BYTES}; a
 *       term with a longer list gets a shard of its own. They hold documents {@code 0} to {@code
 *       split - 1} only, whole blocks of {@link #BLOCK}, so that they stay put while articles
 *       arrive;
 *   <li>{@code r/N.json}: the same for the documents from {@code split} on (fewer than {@link
 *       #BLOCK}); a query reads one shard of each and joins the lists;
 *   <li>{@code d/N.json}: documents {@code N*CHUNK} to {@code N*CHUNK+CHUNK-1}, each {@code [path,
 *       title, date, snippet]}. Documents are numbered from the oldest (the last added), so that a
 *       new article gets the next number and only the newest chunk changes; a search lists the
 *       highest numbers first, newest first.
 * </ul>
 *
 * <p>Terms are accent-folded and lowercased words ({@link #terms}); {@code search.js} in the theme
 * folds queries the same way. Documents are added newest first and numbered in the reverse order
 * (see above). Not thread-safe: one builder per build.
 */
final class SearchIndex {
  /** Target size of a shard file. */
  static final int SHARD_BYTES = 24 * 1024;

  /** Documents per document-table chunk. */
  static final int CHUNK = 40;

  /**
   * Documents per frozen block: the postings of documents below the last multiple of this ({@code
   * split}) are in {@code t/} and change only when a block fills (or an old article changes); those
   * of the newer ones in {@code r/}, small, rewritten as articles arrive.
   */
  static final int BLOCK = 1024;

  /** Where the index goes, relative to the site root. */
  static final String FOLDER = "search/index/";

  /** Where the frozen documents' shards go ({@code t/}), relative to the site root. */
  static final String FROZEN_SHARDS = FOLDER + "t/";

  /** French and English words too common to search for; the page drops them from queries too. */
  static final List<String> STOP_WORDS =
      List.of(
          "au", "aux", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et", "il",
          "ils", "la", "le", "les", "leur", "mais", "ne", "on", "ou", "par", "pas", "pour", "qu",
          "que", "qui", "sa", "se", "ses", "son", "sur", "un", "une", "an", "and", "are", "as",
          "at", "be", "by", "for", "from", "in", "is", "it", "of", "or", "that", "the", "this",
          "to", "was", "with");

  private static final Set<String> STOP = Set.copyOf(STOP_WORDS);
  private static final int MAX_STOP_WORD =
      STOP_WORDS.stream().mapToInt(String::length).max().orElse(0);
  private static final int MAX_TERM = 40;

  /**
   * A document's distinct terms, in order: {@code dictionary[ids[i]]}. A build cache loads every
   * document's terms against one shared dictionary (int arrays, not a set of strings each: 10,000
   * articles have millions of terms), which the index then maps to its own term numbers once per
   * word rather than once per occurrence.
   *
   * @param shared whether {@code dictionary} serves many documents (worth remembering its mapping)
   */
  record Terms(String[] dictionary, int[] ids, boolean shared) {
    /** No terms. */
    static final Terms NONE = new Terms(new String[0], new int[0], false);

    /** The terms of a set, in its order. */
    static Terms of(Set<String> terms) {
      String[] dictionary = terms.toArray(new String[0]);
      int[] ids = new int[dictionary.length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i;
      }
      return new Terms(dictionary, ids, false);
    }

    int size() {
      return ids.length;
    }
  }

  /**
   * One copy of each term for a whole build, which the documents' {@link Terms} share. A document's
   * terms wait from its page's rendering until the index takes them, a batch of pages later; as
   * strings of their own (some 300 a document) they outlived the young generation's collections,
   * were copied into the old generation and died there, a full collection every second or so of a
   * 10k build. Thread-safe.
   */
  static final class Vocabulary {
    private final ConcurrentHashMap<String, String> words = new ConcurrentHashMap<>();

    /** {@link Terms#of} with each term's shared copy. */
    Terms terms(Set<String> terms) {
      Terms made = Terms.of(terms);
      String[] dictionary = made.dictionary(); // (its own array, not handed out yet)
      for (int i = 0; i < dictionary.length; i++) {
        String term = dictionary[i];
        String known = words.get(term); // (putIfAbsent would lock the word's bin each time)
        if (known == null) {
          known = words.putIfAbsent(term, term);
        }
        dictionary[i] = known == null ? term : known;
      }
      return made;
    }
  }

  /** Term numbers; sorted when files are made. */
  private final WordNumbers termNumbers = new WordNumbers();

  /**
   * Each term's posting list by number: of the frozen documents (below {@code split}) when the
   * number of documents was given, else of all of them.
   */
  private final List<IntList> postings = new ArrayList<>();

  /** The same for the recent documents, from {@code split} on; {@link #postings} when not told. */
  private final List<IntList> recentPostings;

  private final List<@Nullable String> docs = new ArrayList<>();

  /** Documents the build adds, if told up front (then frozen ones are told apart); else -1. */
  private final int expected;

  /**
   * Whether the frozen documents' shards are carried from a previous build: their terms are then
   * neither needed nor numbered.
   */
  private final boolean frozenCarried;

  /** The frozen documents' paths and keys, in the order added (see {@link #frozenDigest}). */
  private final FrozenDigest frozenKeys;

  /** An index whose number of documents is not known up front: {@link #frozenDigest} is not made. */
  SearchIndex() {
    this.expected = -1;
    this.frozenCarried = false;
    this.recentPostings = postings;
    this.frozenKeys = new FrozenDigest(0);
  }

  /**
   * An index of exactly {@code documents} documents, whose frozen ones ({@code t/}) are told apart
   * as they are added, so that a build can {@linkplain #write(Sink, List) carry} their shards from
   * the previous one when the same documents made them.
   *
   * @param frozenCarried whether the frozen documents' shards will be carried (their terms may
   *     then be null, and are not looked at)
   */
  SearchIndex(int documents, boolean frozenCarried) {
    if (documents < 0) {
      throw new IllegalArgumentException("documents: " + documents);
    }
    this.expected = documents;
    this.frozenCarried = frozenCarried;
    this.recentPostings = new ArrayList<>();
    this.frozenKeys = new FrozenDigest(documents);
  }

  /**
   * Whether the document added {@code index}-th (from 0) of {@code documents} is a frozen one:
   * documents are numbered from the oldest, the last added, and those below the last whole
   * {@link #BLOCK} are frozen.
   */
  static boolean frozen(int index, int documents) {
    return documents - 1 - index < split(documents);
  }

  /** The number of frozen documents of {@code documents}: whole {@link #BLOCK}s. */
  private static int split(int documents) {
    return documents / BLOCK * BLOCK;
  }

  /**
   * The number of document-table chunks ({@code d/0} on) that hold frozen documents only, of an
   * index of {@code documents}: made from what the frozen shards are made from, and carried with
   * them (the chunk that holds the last frozen and the first recent documents is made each time).
   */
  static int frozenChunks(int documents) {
    return split(documents) / CHUNK;
  }

  /**
   * Whether the document added {@code index}-th (from 0) of {@code documents} is in one of the
   * {@link #frozenChunks} (documents are numbered from the oldest, the last added).
   */
  static boolean inFrozenChunk(int index, int documents) {
    return documents - 1 - index < frozenChunks(documents) * CHUNK;
  }

  /** The paths of the {@link #frozenChunks} of an index of {@code documents}, in order. */
  static List<String> frozenChunkPaths(int documents) {
    List<String> paths = new ArrayList<>();
    for (int c = 0; c < frozenChunks(documents); c++) {
      paths.add(chunkPath(c));
    }
    return paths;
  }

  /** The path of the document-table chunk {@code c}. */
  static String chunkPath(int c) {
    return FOLDER + "d/" + c + ".json";
  }

  /**
   * {@link #frozenDigest} of an index of the documents at {@code paths} (in the order they would be
   * added) known by {@code keys}, without making one: a build tells from it, before rendering,
   * whether the previous build's frozen shards still hold.
   */
  static byte[] frozenDigest(List<String> paths, List<byte[]> keys) {
    var digest = new FrozenDigest(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      if (frozen(i, paths.size())) {
        digest.add(paths.get(i), keys.get(i));
      }
    }
    return digest.bytes();
  }

  /** The digest of the frozen documents of an index of {@code documents} documents. */
  private static final class FrozenDigest {
    private final Fingerprint print = new Fingerprint();

    FrozenDigest(int documents) {
      print.add("search index frozen documents").add(split(documents));
    }

    void add(String path, byte[] key) {
      print.add(path).add(key);
    }

    byte[] bytes() {
      return print.bytes();
    }
  }

  /**
   * Adds a document; documents are numbered in the order added.
   *
   * @param path its page, relative to the site root
   * @param title shown as the result's link
   * @param date shown under it
   * @param snippet a short plain-text extract
   * @param text everything searchable (title, subtitle, tags, authors, body as plain text)
   */
  void add(String path, String title, String date, String snippet, String text) {
    add(path, title, date, snippet, terms(text));
  }

  /** Adds a document whose text is already split into {@link #terms}. */
  void add(String path, String title, String date, String snippet, Set<String> terms) {
    add(path, title, date, snippet, Terms.of(terms));
  }

  /** Adds a document whose terms are given as {@link Terms}. */
  void add(String path, String title, String date, String snippet, Terms terms) {
    add(path, title, date, snippet, terms, new byte[0]);
  }

  /**
   * Adds a document whose terms are given as {@link Terms}, known by {@code key} (a digest of what
   * its entry and terms are made from): the frozen documents' paths and keys make {@link
   * #frozenDigest}.
   *
   * @param title null (as {@code date} and {@code snippet}) only for a document of a document-table
   *     chunk carried with the frozen shards ({@link #frozenChunks})
   * @param terms null only for a frozen document of an index whose frozen shards are carried
   * @throws IllegalStateException when more documents are added than the index was made for
   */
  void add(
      String path,
      @Nullable String title,
      @Nullable String date,
      @Nullable String snippet,
      @Nullable Terms terms,
      byte[] key) {
    int doc = docs.size();
    if (expected >= 0 && doc >= expected) {
      throw new IllegalStateException("more than the " + expected + " documents announced");
    }
    boolean frozen = expected >= 0 && frozen(doc, expected);
    if (terms == null && !(frozen && frozenCarried)) {
      throw new IllegalArgumentException(path + ": no terms");
    }
    boolean chunkCarried = frozen && frozenCarried && inFrozenChunk(doc, expected);
    if (!chunkCarried && (title == null || date == null || snippet == null)) {
      throw new IllegalArgumentException(path + ": no title, date or snippet");
    }
    // (the chunks of carried frozen documents are not made: their entries are not needed)
    docs.add(
        chunkCarried
            ? null
            : "[" + json(path) + "," + json(title) + "," + json(date) + "," + json(snippet) + "]");
    if (frozen) {
      frozenKeys.add(path, key);
      if (frozenCarried) {
        return;
      }
    }
    post(frozen ? postings : recentPostings, doc, java.util.Objects.requireNonNull(terms));
  }

  private void post(List<IntList> lists, int doc, Terms terms) {
    for (int term : termNumbers.of(terms)) {
      while (lists.size() <= term) {
        lists.add(new IntList());
      }
      lists.get(term).add(doc);
    }
  }

  /**
   * What the frozen documents' shards ({@code t/}) are made from: their number and, in order,
   * their paths and keys; once every document is added, for an index made with the number of its
   * documents. Two builds with the same digest make the same {@code t/} files (the code and options
   * being the same).
   *
   * @throws IllegalStateException when the number of documents was not given or not reached yet
   */
  byte[] frozenDigest() {
    checkComplete();
    return frozenKeys.bytes();
  }

  private void checkComplete() {
    if (expected < 0) {
      throw new IllegalStateException("the number of documents was not given");
    }
    if (docs.size() != expected) {
      throw new IllegalStateException(docs.size() + " documents added, " + expected + " announced");
    }
  }

  /** Number of documents added. */
  int size() {
    return docs.size();
  }

  /**
   * The distinct search terms of a text, in order of appearance: {@code œ}/{@code æ} spelled out,
   * accents removed, lowercased, split at anything but letters and digits; words of one letter,
   * over 40 letters and stop words dropped. {@code "L’Été à Paris"} gives {@code [ete, paris]}.
   */
  static Set<String> terms(String text) {
    // the text's chars looked up in a table of what the general way below makes of each (Latin
    // scripts, combining marks, punctuation and spaces: all of a French or English text); a text
    // with any other char takes the general way whole. Same terms, a fraction of the work
    // (Normalizer, a code point and its type at a time, a lowercased copy per word)
    int n = text.length();
    char[] chars = new char[n + 1]; // (one copy: charAt is a call per char under C1)
    text.getChars(0, n, chars, 0);
    chars[n] = ' ';
    var words = new Words(n);
    char[] word = new char[MAX_TERM + 8];
    int length = 0;
    int hash = 0; // the word's String.hashCode, made as it grows
    for (int i = 0; i <= n; i++) {
      char c = chars[i];
      byte kind = c < FAST_KIND.length ? FAST_KIND[c] : UNKNOWN;
      if (kind == ONE) {
        if (length == word.length) {
          word = Arrays.copyOf(word, 2 * length);
        }
        char lower = FAST_CHAR[c];
        word[length++] = lower;
        hash = 31 * hash + lower;
      } else if (kind == MANY) {
        char[] spelled = FAST_CHARS[c];
        if (length + spelled.length > word.length) {
          word = Arrays.copyOf(word, 2 * (length + spelled.length));
        }
        for (char s : spelled) {
          word[length++] = s;
          hash = 31 * hash + s;
        }
      } else if (kind == BREAK) {
        if (length >= 2 && length <= MAX_TERM) {
          words.add(word, length, hash);
        }
        length = 0;
        hash = 0;
      } else if (kind == UNKNOWN) {
        return generalTerms(text);
      } // SKIP: a mark, dropped without ending the word
    }
    return words.terms;
  }

  /**
   * The distinct words of one text met so far, by their chars: a word met again (most of them) is
   * found by its hash and chars, without being made into a String, checked against the stop words
   * or added to the set again.
   */
  private static final class Words {
    final Set<String> terms = new LinkedHashSet<>();
    private String[] seen;
    private int[] hashes;
    private int count;

    /** For a text of {@code chars} chars (a word and its separator take three or more). */
    Words(int chars) {
      int size = Integer.highestOneBit(Math.max(64, Math.min(1 << 20, chars / 2)) - 1) << 1;
      seen = new String[size];
      hashes = new int[size];
    }

    void add(char[] word, int length, int hash) {
      int mask = seen.length - 1;
      int slot = (hash ^ (hash >>> 16)) & mask;
      for (String known = seen[slot]; known != null; known = seen[slot]) {
        if (hashes[slot] == hash && same(known, word, length)) {
          return;
        }
        slot = (slot + 1) & mask;
      }
      String term = new String(word, 0, length);
      seen[slot] = term;
      hashes[slot] = hash;
      if (length > MAX_STOP_WORD || !STOP.contains(term)) {
        terms.add(term);
      }
      if (++count * 2 > seen.length) {
        grow();
      }
    }

    private static boolean same(String known, char[] word, int length) {
      if (known.length() != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (known.charAt(i) != word[i]) {
          return false;
        }
      }
      return true;
    }

    private void grow() {
      String[] oldSeen = seen;
      int[] oldHashes = hashes;
      seen = new String[2 * oldSeen.length];
      hashes = new int[seen.length];
      int mask = seen.length - 1;
      for (int i = 0; i < oldSeen.length; i++) {
        if (oldSeen[i] != null) {
          int slot = (oldHashes[i] ^ (oldHashes[i] >>> 16)) & mask;
          while (seen[slot] != null) {
            slot = (slot + 1) & mask;
          }
          seen[slot] = oldSeen[i];
          hashes[slot] = oldHashes[i];
        }
      }
    }
  }

  /** What {@link #generalTerms} makes of a char: unknown (not in the table), … */
  private static final byte UNKNOWN = 0;

  /** … part of a word, as one char ({@link #FAST_CHAR}) … */
  private static final byte ONE = 1;

  /** … part of a word, as several chars ({@link #FAST_CHARS}: {@code œ} is {@code oe}) … */
  private static final byte MANY = 2;

  /** … the end of a word … */
  private static final byte BREAK = 3;

  /** … or nothing (a combining mark). */
  private static final byte SKIP = 4;

  private static final byte[] FAST_KIND = new byte[0x20d0];
  private static final char[] FAST_CHAR = new char[FAST_KIND.length];
  private static final char[][] FAST_CHARS = new char[FAST_KIND.length][];

  static {
    // U+0000–U+036F (Latin, IPA, spacing modifiers, combining marks) and U+2000–U+20CF (spaces,
    // dashes, quotes, currency): each char as the general way takes it alone. A word's terms are
    // the concatenation of its chars' (canonical decomposition is char by char, the reordering of
    // marks does not matter once they are dropped, and lowercasing in the root locale depends on
    // context only for Greek sigma, above this range); a char whose decomposition mixes word and
    // non-word parts stays unknown
    for (int c = 0; c < FAST_KIND.length; c++) {
      if ((c >= 0x370 && c < 0x2000) || Character.isSurrogate((char) c)) {
        continue;
      }
      String folded = fold(String.valueOf((char) c));
      String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
      var kept = new StringBuilder();
      boolean breaks = false;
      for (int i = 0; i < decomposed.length(); ) {
        int cp = decomposed.codePointAt(i);
        i += Character.charCount(cp);
        if (isMark(cp)) {
          continue;
        }
        if (isWordChar(cp)) {
          kept.appendCodePoint(cp);
        } else {
          breaks = true;
        }
      }
      String lower = kept.toString().toLowerCase(Locale.ROOT);
      if (breaks && lower.isEmpty()) {
        FAST_KIND[c] = BREAK;
      } else if (breaks || lower.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
        FAST_KIND[c] = UNKNOWN;
      } else if (lower.isEmpty()) {
        FAST_KIND[c] = SKIP;
      } else if (lower.length() == 1) {
        FAST_KIND[c] = ONE;
        FAST_CHAR[c] = lower.charAt(0);
      } else {
        FAST_KIND[c] = MANY;
        FAST_CHARS[c] = lower.toCharArray();
      }
    }
  }

  private static String fold(String text) {
    return text.replace("œ", "oe")
        .replace("Œ", "OE")
        .replace("æ", "ae")
        .replace("Æ", "AE")
        .replace("ß", "ss");
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isWordChar(int c) {
    int type = Character.getType(c);
    return Character.isLetter(c)
        || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** {@link #terms} the general way: folded, decomposed (NFD), a code point at a time. */
  static Set<String> generalTerms(String text) {
    String decomposed = Normalizer.normalize(fold(text), Normalizer.Form.NFD);
    // one pass instead of regular expressions: marks vanish, letters and numbers make words,
    // anything else ends one (the same helpers make the table of terms())
    Set<String> terms = new LinkedHashSet<>();
    var word = new StringBuilder();
    for (int i = 0; i <= decomposed.length(); ) {
      int c = i < decomposed.length() ? decomposed.codePointAt(i) : ' ';
      i += i < decomposed.length() ? Character.charCount(c) : 1;
      if (isMark(c)) {
        continue;
      }
      if (isWordChar(c)) {
        word.appendCodePoint(c);
        continue;
      }
      if (word.length() > 0) {
        String term = word.toString().toLowerCase(Locale.ROOT);
        if (term.codePointCount(0, term.length()) >= 2
            && term.length() <= MAX_TERM
            && !STOP.contains(term)) {
          terms.add(term);
        }
        word.setLength(0);
      }
    }
    return terms;
  }

  /** Receives the index files one at a time. */
  @FunctionalInterface
  interface Sink {
    /** Takes the file at {@code path} (relative to the site root). */
    void accept(String path, byte[] bytes) throws IOException;
  }

  /** Terms whose posting lists are encoded at a time (in parallel), then cut into shards. */
  private static final int ENCODED_AT_ONCE = 4096;

  /**
   * Hands the index files to {@code sink} as they are made, in a fixed order ({@code t/}, {@code
   * r/}, {@code d/}, then {@code meta.json}, which names the shards): at 50,000 articles the files
   * are ~60 MB, more than the rest of a build's memory at that point, so none is kept once handed
   * over.
   */
  void write(Sink sink) throws IOException {
    write(sink, null);
  }

  /**
   * {@link #write(Sink)}, but for {@code t/} and the {@link #frozenChunks} of {@code d/} the files
   * a previous build made from the same frozen documents (the same {@link #frozenDigest}) when
   * {@code carried} gives the shards' first terms: those files are then neither made nor handed
   * over (and an index {@linkplain #SearchIndex(int, boolean) made to carry them} never needed the
   * frozen documents' terms, nor those chunks' entries).
   *
   * @return the first term of each {@code t/} shard (those carried, or those made)
   * @throws IllegalStateException when {@code carried} is given to an index made without the number
   *     of its documents, or not given to one made to carry them, or not every document announced
   *     was added
   */
  List<String> write(Sink sink, @Nullable List<String> carried) throws IOException {
    if (carried != null || expected >= 0) {
      checkComplete();
    }
    if (frozenCarried && carried == null) {
      throw new IllegalStateException("the frozen shards were to be carried");
    }
    int last = docs.size() - 1;
    int split = split(docs.size());
    List<String> termNames = termNumbers.words();
    Integer[] order = new Integer[termNames.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> termNames.get(a).compareTo(termNames.get(b)));
    List<String> shards =
        carried != null
            ? List.copyOf(carried)
            : shards(sink, SearchIndex::shardPath, order, postings, last, 0, split);
    List<String> recent =
        shards(sink, SearchIndex::recentShardPath, order, recentPostings, last, split, docs.size());
    // documents are numbered from the oldest, the last added; the chunks of frozen documents only
    // are carried with the frozen shards
    for (int c = carried != null ? frozenChunks(docs.size()) : 0; c * CHUNK < docs.size(); c++) {
      var chunk = new StringBuilder("[");
      for (int d = c * CHUNK; d < Math.min(docs.size(), (c + 1) * CHUNK); d++) {
        chunk.append(d == c * CHUNK ? "" : ",\n").append(docs.get(last - d));
      }
      sink.accept(chunkPath(c), utf8(chunk.append(']').toString()));
    }
    String meta =
        "{\"version\":3,\"docs\":"
            + docs.size()
            + ",\"chunk\":"
            + CHUNK
            + ",\"split\":"
            + split
            + ",\"stop\":"
            + jsonArray(STOP_WORDS)
            + ",\"shards\":"
            + jsonArray(shards)
            + ",\"recent\":"
            + jsonArray(recent)
            + "}";
    sink.accept(FOLDER + "meta.json", utf8(meta));
    return shards;
  }

  /** The index files, by path relative to the site root: {@code meta.json} first, then {@link #write}'s order. */
  Map<String, byte[]> files() {
    Map<String, byte[]> written = new LinkedHashMap<>();
    try {
      write(written::put);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // (a map does not throw)
    }
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    String meta = FOLDER + "meta.json";
    ordered.put(meta, written.remove(meta));
    ordered.putAll(written);
    return ordered;
  }

  /**
   * Hands {@code sink} the shards (shard {@code n} at {@code path(n)}) of the postings of documents
   * {@code from} (inclusive) to {@code to} (exclusive), terms in {@code order}; the first term of
   * each shard.
   */
  private List<String> shards(
      Sink sink,
      java.util.function.IntFunction<String> path,
      Integer[] order,
      List<IntList> lists,
      int last,
      int from,
      int to)
      throws IOException {
    List<String> firstTerms = new ArrayList<>();
    var shard = new StringBuilder();
    int bytes = 0;
    for (int at = 0; at < order.length; at += ENCODED_AT_ONCE) {
      // a run of terms' lists encoded in parallel (most of the work), the shards cut in order below
      int base = at;
      String[] encoded = new String[Math.min(ENCODED_AT_ONCE, order.length - at)];
      java.util.stream.IntStream.range(0, encoded.length)
          .parallel()
          .forEach(
              k -> {
                int term = order[base + k];
                // (a term of none of these documents may have been numbered after the last list)
                encoded[k] = term < lists.size() ? lists.get(term).encodeReversed(last, from, to) : "";
              });
      for (int k = 0; k < encoded.length; k++) {
        String postingList = encoded[k];
        if (postingList.isEmpty()) {
          continue;
        }
        String term = termNumbers.words().get(order[base + k]);
        String entry = json(term) + ":\"" + postingList + "\"";
        int size = entry.length() + 1;
        if (shard.length() > 0 && bytes + size > SHARD_BYTES) {
          sink.accept(path.apply(firstTerms.size() - 1), utf8("{" + shard + "}"));
          shard.setLength(0);
          bytes = 0;
        }
        if (shard.length() == 0) {
          firstTerms.add(term);
        } else {
          shard.append(',');
        }
        shard.append(entry);
        bytes += size;
      }
    }
    if (shard.length() > 0) {
      sink.accept(path.apply(firstTerms.size() - 1), utf8("{" + shard + "}"));
    }
    return firstTerms;
  }

  static String shardPath(int n) {
    return FROZEN_SHARDS + n + ".json";
  }

  static String recentShardPath(int n) {
    return FOLDER + "r/" + n + ".json";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String jsonArray(List<String> values) {
    var out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append(json(values.get(i)));
    }
    return out.append(']').toString();
  }

  /**
   * A JSON string literal. {@code <}, {@code >} and {@code &} are escaped too, so the result is
   * also safe inside an HTML {@code <script>} element.
   */
  static String json(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A growable list of ascending ints, kept as the differences between neighbours in a variable
   * number of bytes (7 bits each, the high bit set on all but the last): a term's list of
   * documents, most of whose gaps are small. The index holds every posting of the build until its
   * files are made; as an {@code int[]} that grew by doubling, they were most of an every-kind build's
   * memory (~130 MB of 290 MB live at 50,000 articles), in bytes a quarter to a third of it.
   */
  static final class IntList {
    private byte[] gaps = new byte[4];
    private int length; // bytes used
    private int size;
    private int lastValue;

    /** Adds a value no smaller than the last one added (and not negative). */
    void add(int value) {
      int gap = value - lastValue; // negative for a value below the last one (or a negative first)
      if (gap < 0) {
        throw new IllegalArgumentException("not ascending: " + value + " after " + lastValue);
      }
      if (gaps.length - length < 5) {
        gaps = Arrays.copyOf(gaps, gaps.length + Math.max(5, gaps.length >> 1));
      }
      if (gap < 0x80) {
        gaps[length++] = (byte) gap; // most of them
      } else {
        do {
          gaps[length++] = (byte) (gap | 0x80);
          gap >>>= 7;
        } while (gap >= 0x80);
        gaps[length++] = (byte) gap;
      }
      lastValue = value;
      size++;
    }

    /** The values up to {@code bound}, ascending. */
    private int[] valuesUpTo(long bound) {
      int[] values = new int[size];
      int value = 0;
      int i = 0;
      for (int at = 0; i < size; i++) {
        int gap = 0;
        int shift = 0;
        byte b;
        do {
          b = gaps[at++];
          gap |= (b & 0x7f) << shift;
          shift += 7;
        } while (b < 0);
        value += gap;
        if (value > bound) {
          break;
        }
        values[i] = value;
      }
      return i == size ? values : Arrays.copyOf(values, i);
    }

    /**
     * The values {@code v} (ascending) as {@code last - v}, ascending, those from {@code from}
     * (inclusive) to {@code to} (exclusive): deltas from the previous one (the first from 0), base
     * 36, comma-separated; empty when there are none.
     */
    String encodeReversed(int last, int from, int to) {
      // the values in range are a run of the ascending ones: those up to last - from, decoded (the
      // recent documents' shards, the first values, need not decode every old posting), from the
      // first one above last - to, found by binary search
      int[] values = valuesUpTo(last - (long) from);
      int high = values.length - 1; // the last value <= last - from
      int low = upperBound(values, last - (long) to); // the first value > last - to
      if (high < low) {
        return "";
      }
      char[] out = new char[8 * (high - low + 1)];
      int length = 0;
      int previous = 0;
      for (int i = high; i >= low; i--) {
        int value = last - values[i];
        if (length > 0) {
          out[length++] = ',';
        }
        // value - previous in base 36, as Integer.toString(n, 36) writes it (no String per number)
        int n = value - previous;
        int start = length;
        do {
          out[length++] = Character.forDigit(n % 36, 36);
          n /= 36;
        } while (n > 0);
        for (int a = start, b = length - 1; a < b; a++, b--) {
          char swap = out[a];
          out[a] = out[b];
          out[b] = swap;
        }
        previous = value;
      }
      return new String(out, 0, length);
    }

    /** The index of the first value greater than {@code bound} ({@code values.length} when none is). */
    private static int upperBound(int[] values, long bound) {
      int low = 0;
      int high = values.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (values[middle] <= bound) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }
}

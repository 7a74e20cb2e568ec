package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.Checksummed;
import io.github.sitegen.internal.CodeIdentity;
import io.github.sitegen.internal.ContentCheck;
import io.github.sitegen.internal.FileBytes;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A cache of what the archive's front matter says, so that listing a big archive reads only the
 * files that changed: one file ({@value #FILE_NAME}) in a cache folder (such as {@code
 * target/site-gen-cache}) holding, for every archive file, its size and modification time and what
 * {@link ArchiveReader} would read from it (the article, its import bookkeeping and the
 * fingerprint of its text).
 *
 * <p>On every use the archive is walked (hidden files and folders skipped, {@code *.md} only, as
 * {@link ArchiveReader} does) and each file's size and modification time compared with the
 * cache's: only new and changed files are read, vanished ones dropped, and the cache file is
 * rewritten atomically when anything changed. A file of the cached size with another time (a git
 * checkout gives every file a new one) is read for its {@link ContentCheck} only, and parsed only
 * when that differs from the cached one. A file modified in the last 2 seconds before the
 * walk (or just written by the importer) is cached without its time, which may not yet tell a later
 * edit apart: the next run reads it for its check, and parses it only when that differs. A file
 * with a problem is never cached: it is read again, and its problem reported again, on every run.
 * A missing, truncated or corrupt cache file, or one written by
 * another version of site-gen or for another zone, is ignored and replaced; one written for another
 * archive folder (the project moved or copied with its cache folder) is trusted for no file by its
 * time, each is checked against its bytes: the result is always what reading the archive would
 * give.
 *
 * <p>Only a cache: nothing else reads the file, and deleting it costs one full read. Thread-safe
 * (holds no state but its folder); two processes sharing a cache folder each see a whole cache
 * file or none, and the one that writes last wins.
 *
 * <pre>{@code
 * ArchiveReader.Listing listing =
 *     new ArchiveReader().list(Path.of("articles"), zone, reporter, Path.of("target/site-gen-cache"));
 * }</pre>
 */
public final class ArchiveIndex {

  /** The cache file's name in the cache folder. */
  public static final String FILE_NAME = "archive-index.bin";

  /** Bump when what is stored, or how an article is read from its file, changes. */
  static final int FORMAT_VERSION = 2;

  /**
   * Files modified this close to a walk are cached {@link #UNTIMED} (file times can be coarse: a
   * file written again within the clock's tick may keep its time): told by their bytes next time.
   */
  static final int RACY_SECONDS = 2;

  /**
   * The path of {@code file} in the folder {@code root}, {@code /}-separated: how the index names
   * an archive file (and the default id of an article without one), how the snapshot hashes and
   * the seen items name theirs.
   */
  static String relativePath(Path root, Path file) {
    // a file a walk of root found is root's text, a separator and plain names: cut off the start
    // (Path.relativize allocates ~1 KB a call, for every Markdown file of every walk)
    String top = root.toString();
    String text = file.toString();
    String separator = root.getFileSystem().getSeparator();
    int from = top.length() + separator.length();
    if (!top.isEmpty()
        && !top.endsWith(separator)
        && text.length() > from
        && text.startsWith(top)
        && text.startsWith(separator, top.length())
        && text.charAt(from) != '.'
        && text.indexOf(separator + ".", from) < 0) {
      return text.substring(from).replace('\\', '/');
    }
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** The first file time (ns, as walks give them) too close to a walk at {@code start} to trust. */
  private static long racyFrom(Instant start) {
    return start.minusSeconds(RACY_SECONDS).toEpochMilli() * 1_000_000L;
  }

  private static final int MAGIC = 0x53474149; // "SGAI"
  private static final String GENERATOR_VERSION = generatorVersion();

  private final Path folder;

  /**
   * An index kept in {@code cacheFolder} (created when first written).
   *
   * @param cacheFolder a folder for site-gen's caches, such as {@code target/site-gen-cache}
   */
  public ArchiveIndex(Path cacheFolder) {
    this.folder = requireNonNull(cacheFolder, "cacheFolder");
  }

  /** The cache file: {@code <cache folder>/archive-index.bin}. */
  public Path file() {
    return folder.resolve(FILE_NAME);
  }

  /**
   * The articles under {@code archive} with their archived images, exactly as {@link
   * ArchiveReader#list(Path, ZoneId, Reporter)} gives them, reading only the files the cache does
   * not know in their current state; the cache file is then brought up to date.
   *
   * @throws IOException when the archive cannot be read or the cache file not written
   */
  public ArchiveReader.Listing list(Path archive, ZoneId zone, Reporter reporter) throws IOException {
    return read(archive, zone, reporter).listing();
  }

  /**
   * What {@link #list(Path, ZoneId, Reporter)} gives, with a fingerprint of each article's text.
   *
   * @param listing the articles, newest first, and their archived images
   * @param fingerprints by article file: a hash (32 hex digits) of what a reader sees of the article
   *     — title, subtitle, authors, tags, link, summary, body, truncated, paywall — that changes
   *     when any of them does, so a changed body is noticed without reading it; an article whose
   *     file cannot be read whole (a body that is not UTF-8) has none
   * @param files every Markdown file of the archive (articles, and files without front matter,
   *     which are no articles), in path order, when each one could be read (none with a problem);
   *     null otherwise. What {@link #check} compares an archive with later.
   */
  public record Contents(
      ArchiveReader.Listing listing, Map<Path, String> fingerprints, @Nullable List<FileStamp> files) {
    public Contents {
      requireNonNull(listing, "listing");
      fingerprints = Map.copyOf(fingerprints);
      files = files == null ? null : List.copyOf(files);
    }
  }

  /**
   * A Markdown file of the archive as a scan found it.
   *
   * @param path its path in the archive, {@code /}-separated
   * @param size its size in bytes
   * @param modified its modification time, in nanoseconds since the epoch, or {@link #UNTIMED}
   *     for a file written in the last seconds (its time may not change when it is written again
   *     within the clock's tick): such a file is told by its bytes
   * @param check the {@link ContentCheck} of its bytes
   */
  public record FileStamp(String path, long size, long modified, long check) {
    public FileStamp {
      requireNonNull(path, "path");
    }
  }

  /** The {@link FileStamp#modified} of a file whose time is not to be trusted. */
  public static final long UNTIMED = Long.MIN_VALUE;

  /**
   * A walk of an archive's Markdown files, each with its size and time: what {@link #check} found,
   * which {@link #read(Path, ZoneId, Reporter, Walk)} then reads the changed files from instead of
   * walking the archive a second time.
   */
  public static final class Walk {
    private final Path archive;
    private final Instant start;
    private final Walked walked;

    private Walk(Path archive, Instant start, Walked walked) {
      this.archive = archive;
      this.start = start;
      this.walked = walked;
    }
  }

  /**
   * What {@link #check} found.
   *
   * @param files the archive's files as found now, or null when any file was added, removed or
   *     changed
   * @param walk the walk that found them
   */
  public record Check(@Nullable List<FileStamp> files, Walk walk) {
    public Check {
      files = files == null ? null : List.copyOf(files);
      requireNonNull(walk, "walk");
    }
  }

  /**
   * Whether the Markdown files of {@code archive} are exactly {@code files}: the same paths, each
   * of the same size and time, or of the same size and bytes (a file whose time alone changed, as a
   * {@code git checkout} gives every file, is read for its check). Reads no cache file and decodes
   * no front matter: a build tells an archive unchanged since its last one with a walk.
   *
   * @param trustTimes false when {@code files} were found in a folder at another path (a project
   *     moved with its cache): then every file is read for its check
   * @return the files as found now (with their current times, unless from the last seconds), or
   *     null when any file was added, removed or changed; and the walk, from which {@link
   *     #read(Path, ZoneId, Reporter, Walk)} then reads a changed archive without walking it again
   * @throws IOException when the archive cannot be walked or a file read
   */
  public static Check check(Path archive, List<FileStamp> files, boolean trustTimes)
      throws IOException {
    return check(archive, files, trustTimes, () -> {});
  }

  /**
   * As {@link #check(Path, List, boolean)}, running {@code changed} (once, on a walking thread) as
   * soon as the walk meets a file that is not one of {@code files} or has another size: work that
   * only an unchanged archive needs can stop then, not after the whole walk.
   *
   * @throws IOException when the archive cannot be walked or a file read
   */
  public static Check check(
      Path archive, List<FileStamp> files, boolean trustTimes, Runnable changed)
      throws IOException {
    // (as a scan: a time from the last seconds is not remembered, the file stays told by its bytes)
    Instant start = Instant.now();
    long racy = racyFrom(start);
    Map<String, FileStamp> known = new HashMap<>();
    files.forEach(f -> known.put(f.path(), f));
    var told = new AtomicBoolean();
    Consumer<Found> seen =
        f -> {
          FileStamp k = known.get(f.path());
          if ((k == null || k.size() != f.size()) && told.compareAndSet(false, true)) {
            changed.run();
          }
        };
    var walk = new Walk(archive, start, walk(archive, seen));
    return new Check(changedOrNull(walk.walked.found(), known, trustTimes, racy), walk);
  }

  /** The files found, as {@link #check} gives them, or null when they are not {@code files}. */
  private static @Nullable List<FileStamp> changedOrNull(
      List<Found> found, Map<String, FileStamp> known, boolean trustTimes, long racy)
      throws IOException {
    if (found.size() != known.size()) {
      return null;
    }
    try {
      List<@Nullable FileStamp> now =
          found.parallelStream()
              .map(
                  f -> {
                    FileStamp k = known.get(f.path());
                    if (k == null || k.size() != f.size()) {
                      return null;
                    }
                    if (trustTimes && k.modified() == f.modified()) {
                      return k;
                    }
                    try {
                      long check = ContentCheck.of(f.file());
                      return check == k.check()
                          ? new FileStamp(
                              k.path(), k.size(), f.modified() < racy ? f.modified() : UNTIMED, check)
                          : null;
                    } catch (NoSuchFileException e) {
                      return null; // deleted since the walk
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .toList();
      if (now.contains(null)) {
        return null;
      }
      List<FileStamp> ordered = new ArrayList<>(now.size());
      now.forEach(f -> ordered.add(requireNonNull(f)));
      ordered.sort(Comparator.comparing(FileStamp::path));
      return ordered;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The articles under {@code archive} as {@link #list(Path, ZoneId, Reporter)} gives them, with
   * the fingerprint of each one's text; the cache file is then brought up to date.
   *
   * @throws IOException when the archive cannot be read or the cache file not written
   */
  public Contents read(Path archive, ZoneId zone, Reporter reporter) throws IOException {
    return read(archive, zone, reporter, null);
  }

  /**
   * As {@link #read(Path, ZoneId, Reporter)}, taking the files and their sizes and times from
   * {@code walk} (made by {@link #check} of the same archive folder moments before) rather than
   * walking the archive again; without a walk, or with one of another folder, it walks.
   *
   * @throws IOException when the archive cannot be read or the cache file not written
   */
  public Contents read(Path archive, ZoneId zone, Reporter reporter, @Nullable Walk walk)
      throws IOException {
    Scan scan = scan(archive, zone, reporter, false, null, walk);
    save(scan);
    return contents(scan);
  }

  /** What {@link #read} gives for a scan: the listing of its articles and their fingerprints. */
  static Contents contents(Scan scan) {
    return new Contents(
        ArchiveReader.listing(scan.archive(), scan.articles()), scan.fingerprints(), stamps(scan));
  }

  /** The files of a complete scan, in path order (see {@link Contents#files}); else null. */
  private static @Nullable List<FileStamp> stamps(Scan scan) {
    if (!scan.complete()) {
      return null;
    }
    List<FileStamp> files = new ArrayList<>(scan.entries().size());
    for (Entry e : scan.entries().values()) {
      files.add(new FileStamp(e.path(), e.size(), e.modified(), e.check()));
    }
    files.sort(Comparator.comparing(FileStamp::path));
    return files;
  }

  /**
   * The scan as the archive is once the importer has written {@code written} (file to text, each
   * as written): the articles of those files read from that text, not from the disk again. What a
   * new scan would give, without walking the archive.
   */
  static Scan afterWrites(Scan scan, Map<Path, String> written) {
    Map<Path, ArchivedArticle> byFile = new HashMap<>(); // the files written, as written
    Map<Path, String> fingerprints = new HashMap<>(scan.fingerprints());
    // their entries: by their bytes as written (their times are too new to be trusted); each file
    // read from its text in parallel (a first import writes thousands)
    Map<String, Entry> entries = new LinkedHashMap<>(scan.entries()); // (path order, see Scan)
    List<Entry> made =
        written.entrySet().parallelStream()
            .map(w -> writtenEntry(scan, w.getKey(), w.getValue()))
            .toList();
    for (Entry e : made) {
      ArchivedArticle bare = requireNonNull(e.archived());
      byFile.put(bare.article().file(), bare);
      fingerprints.put(bare.article().file(), e.fingerprint());
      entries.put(e.path(), e);
    }
    // the walk's order (by path): the scan's articles, those rewritten replaced, new ones merged in
    List<ArchivedArticle> added = new ArrayList<>();
    Set<Path> present = new HashSet<>();
    for (ArchivedArticle a : scan.articles()) {
      present.add(a.article().file());
    }
    byFile.forEach((file, a) -> {
      if (!present.contains(file)) {
        added.add(a);
      }
    });
    added.sort((x, y) -> x.article().file().compareTo(y.article().file()));
    List<ArchivedArticle> articles = new ArrayList<>(scan.articles().size() + added.size());
    int next = 0;
    for (ArchivedArticle a : scan.articles()) {
      Path file = a.article().file();
      while (next < added.size() && added.get(next).article().file().compareTo(file) < 0) {
        articles.add(added.get(next++));
      }
      articles.add(byFile.getOrDefault(file, a));
    }
    articles.addAll(added.subList(next, added.size()));
    return new Scan(
        scan.archive(), scan.zone(), articles, fingerprints, entries, scan.read(),
        scan.dirty() || !written.isEmpty(), scan.loaded(), scan.complete(), List.of());
  }

  /** The entry of a file the importer has just written with {@code text}. */
  private static Entry writtenEntry(Scan scan, Path file, String text) {
    String label = file.toString();
    FrontMatter.Parsed parsed = FrontMatter.parse(text, label);
    if (parsed == null) {
      throw new IllegalStateException(label + ": the importer wrote a file without front matter");
    }
    String path = relativePath(scan.archive(), file);
    ArchivedArticle full = ArchivedArticle.from(file, label, parsed, path, scan.zone());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long check = ContentCheck.of(bytes, 0, bytes.length);
    return new Entry(path, bytes.length, UNTIMED, check, withBody(full, ""), full.fingerprint());
  }

  /**
   * One archive file as the index knows it.
   *
   * @param check the {@link ContentCheck} of the file's bytes: a file whose time changed (a git
   *     checkout gives every file a new one) but whose bytes did not keeps its entry unparsed
   */
  record Entry(
      String path,
      long size,
      long modified,
      long check,
      @Nullable ArchivedArticle archived,
      String fingerprint) {

    /** This entry for the same bytes found with another time. */
    Entry at(long time) {
      return new Entry(path, size, time, check, archived, fingerprint);
    }
  }

  /**
   * The cache file as loaded: its entries, and where each one's bytes are in the file, so that
   * saving copies the bytes of an entry still held rather than encoding it again.
   */
  static final class Loaded {
    /** In the file's order, which is by path (a map in that order: see {@link Scan#entries}). */
    final Map<String, Entry> entries = new LinkedHashMap<>();
    /**
     * Whether the file was written for this archive at another path (a project moved or copied
     * with its cache folder, a CI workspace under another name): then no entry is trusted by size
     * and time alone, each is checked against its file's bytes.
     */
    final boolean moved;
    private final byte[] bytes;
    /** Each loaded entry (by identity): its bytes' start, then end, in {@link #bytes}. */
    private final Map<Entry, long[]> spans = new java.util.IdentityHashMap<>();

    Loaded(byte[] bytes, boolean moved) {
      this.bytes = bytes;
      this.moved = moved;
    }

    /** Writes the entry's bytes as loaded when it is a loaded entry (the same object); else false. */
    boolean copy(Entry e, DataOutputStream out) throws IOException {
      long[] span = spans.get(e);
      if (span == null) {
        return false;
      }
      out.write(bytes, (int) span[0], (int) (span[1] - span[0]));
      return true;
    }
  }

  /**
   * The result of a walk: the articles in path order, and the entries to cache.
   *
   * @param articles every article, in path order, without its body
   * @param fingerprints {@link ArchivedArticle#fingerprint()} by file, for the articles read in
   *     full without a problem (all but files with problems)
   * @param entries what to cache, by path under the archive; the map iterates in path order (or
   *     nearly: files written by an import come last), which makes sorting its entries by path, for
   *     the cache file and {@link Contents#files}, a linear merge of runs rather than a full sort of
   *     ~100,000 paths (~0.5 s of a 100k-article update)
   * @param dirty whether {@code entries} differ from the cache file
   * @param loaded the cache file this scan started from, if any (its entries' bytes are reused)
   * @param complete whether {@code entries} hold every file of the archive (none has a problem)
   * @param leftovers the temporary files ({@code .<name>….tmp}) of writes that never finished (a
   *     killed run), which the walk met outside hidden folders: an import deletes them before it
   *     writes, without a walk of its own
   */
  record Scan(
      Path archive,
      ZoneId zone,
      List<ArchivedArticle> articles,
      Map<Path, String> fingerprints,
      Map<String, Entry> entries,
      int read,
      boolean dirty,
      @Nullable Loaded loaded,
      boolean complete,
      List<Path> leftovers) {}

  /**
   * Walks the archive, reading what the cache file (or {@code previous}, when given) does not know.
   *
   * @param bodies how a file with a problem is read again to report it: in full (as the importer
   *     does) or its front matter only (as listing does)
   * @param previous an earlier scan of this run, whose entries are trusted instead of the cache
   *     file's
   */
  Scan scan(
      Path archive,
      ZoneId zone,
      Reporter reporter,
      boolean bodies,
      @Nullable Scan previous)
      throws IOException {
    return scan(archive, zone, reporter, bodies, previous, null);
  }

  /** As {@link #scan(Path, ZoneId, Reporter, boolean, Scan)}, from {@code walk} when it is given. */
  private Scan scan(
      Path archive,
      ZoneId zone,
      Reporter reporter,
      boolean bodies,
      @Nullable Scan previous,
      @Nullable Walk walk)
      throws IOException {
    @Nullable Walk given = walk != null && walk.archive.equals(archive) ? walk : null;
    // a walk already made counts from its start: a file written during it stays told by its bytes
    Instant start = given != null ? given.start : Instant.now();
    // the cache file is decoded while the archive is walked: the two take about as long
    CompletableFuture<@Nullable Loaded> loading =
        previous != null
            ? CompletableFuture.completedFuture(previous.loaded())
            : CompletableFuture.supplyAsync(() -> load(archive, zone));
    Walked walked = given != null ? given.walked : walk(archive, f -> {});
    List<Found> files = walked.found();
    @Nullable Loaded loaded = loading.join();
    Map<String, Entry> cached =
        previous != null ? previous.entries() : loaded == null ? Map.of() : loaded.entries;
    // entries cached at another path: each checked against its file's bytes, none trusted by time
    boolean moved = previous == null && loaded != null && loaded.moved;
    long racy = racyFrom(start);
    List<Outcome> outcomes;
    try {
      outcomes =
          files.parallelStream()
              .map(f -> outcome(archive, f, cached.get(f.path()), moved, zone, reporter, bodies))
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<ArchivedArticle> articles = new ArrayList<>();
    Map<Path, String> fingerprints = new HashMap<>();
    Map<String, Entry> entries = new LinkedHashMap<>(); // in the walk's order: by path
    boolean complete = true;
    int read = 0;
    for (Outcome o : outcomes) {
      read += o.read() ? 1 : 0;
      if (o.archived() != null) {
        articles.add(o.archived());
      }
      Entry e = o.entry();
      if (e == null) {
        complete = false; // a file with a problem, or deleted since the walk
      } else {
        if (e.archived() != null) {
          fingerprints.put(o.archived().article().file(), e.fingerprint());
        }
        if (e.modified() >= racy) {
          e = e.at(UNTIMED);
        }
        entries.put(e.path(), e);
      }
    }
    // the cache file is rewritten when it could not be used or what it would hold changed
    boolean dirty =
        previous == null && loaded == null
            || previous != null && previous.dirty()
            || entries.size() != cached.size();
    for (Entry e : entries.values()) {
      dirty |= e != cached.get(e.path()); // a hit keeps the cached entry itself
    }
    return new Scan(
        archive, zone, articles, fingerprints, entries, read, dirty, loaded, complete,
        walked.leftovers());
  }

  /** Writes the scan's entries to the cache file when they differ from it. */
  void save(Scan scan) throws IOException {
    if (!scan.dirty()) {
      return;
    }
    // streamed: no copy of the whole index (megabytes) in memory
    AtomicWrites.replace(file(), stream -> Checksummed.write(stream, out -> encode(scan, out)));
  }

  record Found(Path file, String path, long size, long modified) {}

  private record Outcome(@Nullable ArchivedArticle archived, @Nullable Entry entry, boolean read) {}

  /** The Markdown files of a walk, in ArchiveReader's order, and the temporary files it met. */
  private record Walked(List<Found> found, List<Path> leftovers) {}

  /**
   * The Markdown files of an archive (outside hidden files and folders; links to files followed,
   * links to folders not), in path order: what {@link ArchiveReader} reads.
   */
  static List<Found> markdownFiles(Path archive) throws IOException {
    return walk(archive, f -> {}).found();
  }

  /**
   * Every {@code *.md} file ArchiveReader would read, with its size and time, in path order, and
   * the temporary files of unfinished writes outside hidden folders. The top-level folders (years)
   * are walked in parallel: the walk is most of a warm run's time.
   */
  private static Walked walk(Path archive, Consumer<Found> seen) throws IOException {
    if (!Files.isDirectory(archive)) {
      return new Walked(List.of(), List.of());
    }
    var top = new Walked(new ArrayList<>(), new ArrayList<>());
    List<Path> folders = new ArrayList<>();
    walk(archive, archive, 1, top, folders, seen);
    try {
      folders.parallelStream()
          .map(
              folder -> {
                var under = new Walked(new ArrayList<>(), new ArrayList<>());
                try {
                  walk(archive, folder, Integer.MAX_VALUE, under, new ArrayList<>(), seen);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                return under;
              })
          .toList()
          .forEach(
              under -> {
                top.found().addAll(under.found());
                top.leftovers().addAll(under.leftovers());
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    top.found().sort((x, y) -> x.file().compareTo(y.file())); // ArchiveReader's order
    return top;
  }

  /**
   * Walks {@code start} to {@code depth} into {@code walked}, telling {@code seen} each Markdown
   * file found; folders at that depth are added to {@code folders}.
   */
  private static void walk(
      Path archive, Path start, int depth, Walked walked, List<Path> folders, Consumer<Found> seen)
      throws IOException {
    List<Found> found = walked.found();
    Files.walkFileTree(
        start,
        EnumSet.noneOf(FileVisitOption.class),
        depth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(start) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isDirectory()) { // at the depth limit
              if (!hidden(file)) {
                folders.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
            if (AtomicFiles.isLeftover(file, attrs)) {
              walked.leftovers().add(file);
              return FileVisitResult.CONTINUE;
            }
            String name = file.getFileName().toString();
            if (!name.endsWith(".md") || name.startsWith(".")) {
              return FileVisitResult.CONTINUE;
            }
            BasicFileAttributes a = attrs;
            if (a.isSymbolicLink()) {
              try {
                a = Files.readAttributes(file, BasicFileAttributes.class); // as Files::isRegularFile
              } catch (IOException e) {
                return FileVisitResult.CONTINUE;
              }
            }
            if (a.isRegularFile()) {
              String path = relativePath(archive, file);
              var f = new Found(file, path, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
              found.add(f);
              seen.accept(f);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // deleted while walking
            }
            throw e;
          }
        });
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static Outcome outcome(
      Path archive,
      Found f,
      @Nullable Entry cached,
      boolean moved,
      ZoneId zone,
      Reporter reporter,
      boolean bodies) {
    boolean sameSize = cached != null && cached.size() == f.size();
    if (sameSize && !moved && cached.modified() == f.modified()) {
      return new Outcome(at(cached.archived(), f), cached, false);
    }
    String label = f.file().toString();
    if (f.size() > ArchiveReader.MAX_FILE_BYTES) {
      // too large to read: not cached, and reported by readOne (unread), as on every run
      return new Outcome(
          ArchiveReader.readOne(archive, f.file(), f.size(), zone, reporter, bodies), null, true);
    }
    try {
      // read in full: the fingerprint covers the body
      byte[] bytes = Files.readAllBytes(f.file());
      long check = ContentCheck.of(bytes, 0, bytes.length);
      if (sameSize && cached.check() == check) {
        // only its time changed (or its folder): the entry holds, under the new time
        return new Outcome(at(cached.archived(), f), cached.at(f.modified()), false);
      }
      String text = ArchiveReader.decode(bytes, bytes.length, label);
      FrontMatter.Parsed parsed = FrontMatter.parse(text, label);
      if (parsed == null) {
        return new Outcome(null, new Entry(f.path(), f.size(), f.modified(), check, null, ""), true);
      }
      ArchivedArticle full = ArchivedArticle.from(f.file(), label, parsed, f.path(), zone);
      ArchivedArticle bare = withBody(full, "");
      Entry entry = new Entry(f.path(), f.size(), f.modified(), check, bare, full.fingerprint());
      return new Outcome(bare, entry, true);
    } catch (SiteGenException e) {
      // not cached: read again the way the caller reads, which reports the problem as it always did
      return new Outcome(
          ArchiveReader.readOne(archive, f.file(), f.size(), zone, reporter, bodies), null, true);
    } catch (NoSuchFileException e) {
      return new Outcome(null, null, true); // deleted since the walk
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cached article as found at {@code f} (a file cached under the same path). */
  private static @Nullable ArchivedArticle at(@Nullable ArchivedArticle a, Found f) {
    return a == null || a.article().file().equals(f.file()) ? a : withFile(a, f.file());
  }

  private static ArchivedArticle withFile(ArchivedArticle a, Path file) {
    Article x = a.article();
    Article article =
        new Article(
            file, x.id(), x.title(), x.subtitle(), x.date(), x.updated(), x.authors(), x.tags(),
            x.link(), x.feed(), x.summary(), x.image(), x.truncated(), x.paywall(), x.slug());
    return new ArchivedArticle(article, a.body(), a.snapshot(), a.hash(), a.dateFromSnapshot(), a.images());
  }

  private static ArchivedArticle withBody(ArchivedArticle a, String body) {
    return new ArchivedArticle(a.article(), body, a.snapshot(), a.hash(), a.dateFromSnapshot(), a.images());
  }

  // --- the cache file: header, entries, CRC-32 of everything before it ---

  private static String archiveKey(Path archive) {
    try {
      return archive.toRealPath().toString();
    } catch (IOException e) {
      return archive.toAbsolutePath().normalize().toString();
    }
  }

  /**
   * The cached entries, or null when the file is missing, unreadable, damaged or not for this zone
   * and version; entries cached for another archive folder are only {@link Loaded#moved}.
   */
  private @Nullable Loaded load(Path archive, ZoneId zone) {
    byte[] bytes;
    try {
      bytes = FileBytes.read(file());
    } catch (IOException e) {
      return null; // missing or unreadable: rebuilt
    }
    try {
      return decode(bytes, archive, zone);
    } catch (RuntimeException e) {
      // a damaged cache is a cache miss, never an error: BufferUnderflowException,
      // IllegalArgumentException from a record, DateTimeException, …
      return null;
    }
  }

  private static @Nullable Loaded decode(byte[] bytes, Path archive, ZoneId zone) {
    int content = Checksummed.content(bytes);
    if (content < 0) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, content); // (offsets stay those of the file)
    if (in.getInt() != MAGIC
        || in.getInt() != FORMAT_VERSION
        || !string(in).equals(GENERATOR_VERSION)
        || !string(in).equals(zone.getId())) {
      return null;
    }
    boolean moved = !string(in).equals(archiveKey(archive));
    int count = in.getInt();
    Loaded loaded = new Loaded(bytes, moved);
    for (int i = 0; i < count; i++) {
      long from = in.position();
      Entry e = entry(in, archive);
      loaded.entries.put(e.path(), e);
      loaded.spans.put(e, new long[] {from, in.position()});
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes");
    }
    return loaded;
  }

  private static Entry entry(ByteBuffer in, Path archive) {
    String path = string(in);
    long size = in.getLong();
    long modified = in.getLong();
    long check = in.getLong();
    if (in.get() == 0) {
      return new Entry(path, size, modified, check, null, "");
    }
    String fingerprint = string(in);
    Path file = archive.resolve(path);
    Article article =
        new Article(
            file,
            string(in),
            string(in),
            string(in),
            dateTime(in),
            in.get() == 0 ? null : dateTime(in),
            strings(in),
            strings(in),
            string(in),
            string(in),
            string(in),
            string(in),
            in.get() != 0,
            in.getInt(),
            string(in));
    Instant snapshot = in.get() == 0 ? null : Instant.ofEpochSecond(in.getLong(), in.getInt());
    String hash = string(in);
    boolean dateFromSnapshot = in.get() != 0;
    List<String> images = strings(in);
    return new Entry(
        path, size, modified, check, new ArchivedArticle(article, "", snapshot, hash, dateFromSnapshot, images), fingerprint);
  }

  /** Writes the index of {@code scan} to {@code out} (its CRC-32 follows: {@link Checksummed}). */
  private static void encode(Scan scan, DataOutputStream out) throws IOException {
    @Nullable Loaded loaded = scan.loaded();
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    string(out, GENERATOR_VERSION);
    string(out, scan.zone().getId());
    string(out, archiveKey(scan.archive()));
    List<Entry> entries = new ArrayList<>(scan.entries().values());
    entries.sort((x, y) -> x.path().compareTo(y.path()));
    out.writeInt(entries.size());
    for (Entry e : entries) {
      if (loaded == null || !loaded.copy(e, out)) {
        entry(out, e);
      }
    }
  }

  private static void entry(DataOutputStream out, Entry e) throws IOException {
    string(out, e.path());
    out.writeLong(e.size());
    out.writeLong(e.modified());
    out.writeLong(e.check());
    ArchivedArticle archived = e.archived();
    if (archived == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1);
    string(out, e.fingerprint());
    Article a = archived.article();
    string(out, a.id());
    string(out, a.title());
    string(out, a.subtitle());
    dateTime(out, a.date());
    out.writeByte(a.updated() == null ? 0 : 1);
    if (a.updated() != null) {
      dateTime(out, a.updated());
    }
    strings(out, a.authors());
    strings(out, a.tags());
    string(out, a.link());
    string(out, a.feed());
    string(out, a.summary());
    string(out, a.image());
    out.writeByte(a.truncated() ? 1 : 0);
    out.writeInt(a.paywall());
    string(out, a.slug());
    Instant snapshot = archived.snapshot();
    out.writeByte(snapshot == null ? 0 : 1);
    if (snapshot != null) {
      out.writeLong(snapshot.getEpochSecond());
      out.writeInt(snapshot.getNano());
    }
    string(out, archived.hash());
    out.writeByte(archived.dateFromSnapshot() ? 1 : 0);
    strings(out, archived.images());
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new BufferUnderflowException();
    }
    String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      string(out, s);
    }
  }

  private static List<String> strings(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new BufferUnderflowException();
    }
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(string(in));
    }
    return list;
  }

  private static void dateTime(DataOutputStream out, OffsetDateTime t) throws IOException {
    out.writeLong(t.toEpochSecond());
    out.writeInt(t.getNano());
    out.writeInt(t.getOffset().getTotalSeconds());
  }

  private static OffsetDateTime dateTime(ByteBuffer in) {
    Instant instant = Instant.ofEpochSecond(in.getLong(), in.getInt());
    return OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(in.getInt()));
  }

  /**
   * The version Maven wrote into the jar, plus the identity of the code (the jar's bytes, or the
   * class folder's files): a development build (one version, many builds) never trusts a cache an
   * older build of the reading code wrote.
   */
  private static String generatorVersion() {
    String version = "dev";
    try {
      try (InputStream in =
          ArchiveIndex.class.getResourceAsStream(
              "/META-INF/maven/io.github.sitegen/site-gen-generator/pom.properties")) {
        if (in != null) {
          var properties = new Properties();
          properties.load(in);
          version = Objects.requireNonNullElse(properties.getProperty("version"), "dev");
        }
      }
      return version + " " + CodeIdentity.of(ArchiveIndex.class);
    } catch (IOException e) {
      return "unknown " + System.nanoTime(); // never matches: no cache is trusted
    }
  }


}

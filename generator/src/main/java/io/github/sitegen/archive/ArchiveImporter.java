package io.github.sitegen.archive;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.feed.FeedItem;
import io.github.sitegen.feed.FeedReader;
import io.github.sitegen.feed.ItemMemo;
import io.github.sitegen.feed.Snapshot;
import io.github.sitegen.internal.CodeIdentity;
import io.github.sitegen.internal.ContentCheck;
import io.github.sitegen.internal.FileLocks;
import io.github.sitegen.internal.Sha256;
import io.github.sitegen.markdown.ArticleContent;
import io.github.sitegen.markdown.ArticleExtractor;
import io.github.sitegen.markdown.HtmlSanitizer;
import io.github.sitegen.markdown.HtmlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Merges feed snapshots into the Markdown archive: one file per article, de-duplicated by id,
 * updated in place when a later snapshot carries a newer version, never removing an article that
 * left the feed. Every snapshot in the folder is read on every run and the outcome depends only on
 * the set of snapshots and the archive (see {@link VersionMerger}), so the files come out
 * byte-identical whatever order the snapshots are read in, and a second run writes nothing.
 *
 * <p>An article's file is placed once, at {@code YYYY/MM/DD/<slug>.md} (its date in the import
 * zone), and never moves. Files are written atomically (temporary file, then move) and only when
 * their bytes change; a lock file keeps two imports from interleaving.
 *
 * <pre>{@code
 * ImportReport report = new ArchiveImporter(
 *     new ImportOptions(Path.of("snapshots"), Path.of("articles"), ZoneId.of("Europe/Paris")), reporter).run();
 * }</pre>
 */
public final class ArchiveImporter {
  private static final int SUMMARY_LENGTH = 300;

  /** Longest item content (HTML characters) imported; the rest of a bigger one is cut. */
  static final int MAX_CONTENT_CHARS = 4 * 1024 * 1024;

  // Front matter made from an item stays far below what can be read back (1 Mi code points,
  // FrontMatter): longer values are cut (names, at a word) or left out (links), with a warning.

  /** Longest title kept, in characters. */
  static final int MAX_TITLE_CHARS = 1000;

  /** Longest author, tag or feed name kept, in characters. */
  static final int MAX_NAME_CHARS = 200;

  /** Most authors, or tags, kept for one item. */
  static final int MAX_NAMES = 100;

  /** Longest link or image URL kept, in characters. */
  static final int MAX_URL_CHARS = 16 * 1024;

  /** Longest identity kept as it is; a longer one is replaced by its hash ({@link #identity}). */
  static final int MAX_ID_CHARS = 16 * 1024;

  private final ImportOptions options;
  private final Reporter reporter;
  private final FeedReader feedReader = new FeedReader();
  private final ArticleExtractor extractor = new ArticleExtractor();

  /** The articles the last {@link #run} took as known ({@link SeenItems}): for tests. */
  private volatile int knownArticles;

  /** The archive as the last {@link #run} left it, when that run knew it whole. */
  private volatile ArchiveIndex.@Nullable Contents contents;

  /**
   * Whether step 1 reuses within a run what an earlier snapshot gave: items are parsed once
   * ({@link ItemMemo}) and each distinct item version is converted once. Off only in tests, to
   * prove both ways give the same bytes.
   */
  private final boolean reuse;

  public ArchiveImporter(ImportOptions options, Reporter reporter) {
    this(options, reporter, true);
  }

  /** For tests: {@code reuse} false reads every snapshot whole and converts every item again. */
  ArchiveImporter(ImportOptions options, Reporter reporter, boolean reuse) {
    this.options = options;
    this.reporter = reporter;
    this.reuse = reuse;
  }

  /**
   * Imports every snapshot file ({@code *.xml}, {@code *.rss}, {@code *.atom}, in sub-folders too).
   * A snapshot that cannot be read, or an item that cannot be used, is reported and skipped; the
   * others still go through. Feed HTML is sanitised with an allow-list ({@link HtmlSanitizer})
   * before it is converted; item content over {@value #MAX_CONTENT_CHARS} characters is cut.
   *
   * <p>One import of an archive at a time: while another one (of this process or another) holds
   * the archive's lock, this one waits, and says so once to the reporter (a note on the archive).
   *
   * @throws SiteGenException when the snapshots folder is missing
   * @throws IOException when the archive cannot be read or written, or the thread is interrupted
   *     while it waits for the lock
   */
  public ImportReport run() throws IOException {
    long start = System.nanoTime();
    contents = null;
    Path snapshotsDir = options.snapshots();
    if (!Files.isDirectory(snapshotsDir)) {
      throw new SiteGenException(
          Problem.error(snapshotsDir.toString(), 0, "expected a folder of feed snapshots, found none"));
    }
    Files.createDirectories(options.archive());
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    Reporter collecting =
        problem -> {
          problems.add(problem);
          reporter.problem(problem);
        };
    try (FileLocks.Held lock = lock(lockFile(options.archive()))) {
      List<SnapshotHashes.Listed> listed =
          withinSizeLimit(SnapshotHashes.list(snapshotsDir, collecting), collecting);
      List<Path> all = listed.stream().map(SnapshotHashes.Listed::path).toList();
      Map<Path, String> hashes = SnapshotHashes.of(snapshotsDir, listed, options.cache());
      Set<String> imported = ImportedSnapshots.read(options.archive());
      List<Path> fresh = all.stream().filter(f -> !imported.contains(hashes.get(f))).toList();
      // while the new snapshots are read, on another thread (an hourly import reads one snapshot,
      // on one core: the scan is then free): the archive is scanned through its index, and a
      // killed import's temporary files, which that walk meets, are deleted (without an index, a
      // walk of its own deletes them). Awaited before the archive is merged into, and before the
      // lock goes. With no new snapshot nothing is written or read: the temporary files are left
      // to the next import that writes (hidden files, which no reader takes for articles)
      FutureTask<@Nullable Scanned> ahead =
          new FutureTask<>(
              () -> {
                if (fresh.isEmpty()) {
                  return null;
                }
                try {
                  if (options.cache() == null) {
                    AtomicFiles.deleteLeftovers(options.archive());
                    return null;
                  }
                  return Scanned.of(options); // (which deletes the leftovers its walk met)
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      Thread worker = new Thread(ahead, "site-gen-scan");
      worker.setDaemon(true);
      worker.start();
      ImportReport read;
      try {
        read = importLocked(fresh, collecting, problems, start, ahead);
      } finally {
        awaitQuietly(ahead); // (importLocked awaited it before reading the archive)
      }
      ImportReport report =
          new ImportReport(
              read.snapshots(), read.created(), read.updated(), read.unchanged(), read.problems(),
              read.elapsed(), all.size() - fresh.size(), read.images());
      // recorded last: a run killed before this point reads its snapshots again
      Set<String> failed = new HashSet<>();
      for (Problem p : report.problems()) {
        if (p.severity() == Problem.Severity.ERROR) {
          failed.add(p.file());
        }
      }
      if (fresh.isEmpty()) {
        return report; // nothing to record (the file is left as it is, however it is written)
      }
      Set<String> nowImported = new java.util.TreeSet<>(imported);
      for (Path f : fresh) {
        if (!failed.contains(f.toString())) {
          nowImported.add(hashes.get(f));
        }
      }
      ImportedSnapshots.write(options.archive(), nowImported);
      return report;
    }
  }

  /**
   * The snapshot files of at most {@link ImportOptions#maxSnapshotBytes}; each larger one is
   * reported as an error and left out, unread and unhashed (so never recorded as imported): read
   * whole, as a feed is, it could take all the memory the other snapshots need.
   */
  private List<SnapshotHashes.Listed> withinSizeLimit(
      List<SnapshotHashes.Listed> listed, Reporter problems) {
    long max = options.maxSnapshotBytes();
    List<SnapshotHashes.Listed> kept = new ArrayList<>(listed.size());
    for (SnapshotHashes.Listed file : listed) {
      if (file.size() <= max) {
        kept.add(file);
        continue;
      }
      problems.problem(
          Problem.error(
              file.path().toString(),
              0,
              "snapshot skipped: "
                  + file.size()
                  + " bytes, more than the "
                  + max
                  + " a snapshot may have (a feed is rarely more than a few MB; if this one is,"
                  + " raise the limit: import --max-snapshot-size, or the maxSnapshotBytes"
                  + " parameter)"));
    }
    return kept;
  }

  /** How many articles the last run took as known from an earlier import, their items unparsed. */
  int knownArticles() {
    return knownArticles;
  }

  /**
   * The archive as the last {@link #run} left it, exactly as {@link ArchiveIndex#read} would give
   * it now (articles, archived images, fingerprints), so that a build in the same process need not
   * walk the archive and decode the index again ({@link
   * io.github.sitegen.site.SiteGenerator#generate(ArchiveIndex.Contents)}); null when that run had
   * no cache folder, merged nothing (it then never read the archive), or failed.
   */
  public ArchiveIndex.@Nullable Contents contents() {
    return contents;
  }

  /**
   * The lock file of an archive: in the temporary folder, named after the archive's real path, so
   * that the archive itself never holds anything but articles (and the lock file can stay: it is
   * the OS lock on it that counts, released even when the process is killed). Public for whoever
   * deletes an archive for good (a temporary one) and would not leave its lock file behind.
   *
   * @throws IOException when the archive does not exist
   */
  public static Path lockFile(Path archive) throws IOException {
    String key = archive.toRealPath().toString();
    return Path.of(System.getProperty("java.io.tmpdir")).resolve("site-gen-" + shortHash(key) + ".lock");
  }

  /**
   * The archive's lock, once no other import (of this process or another) holds it; one that does
   * is waited for, and said so once, as a note on the archive.
   */
  private FileLocks.Held lock(Path lockFile) throws IOException {
    return FileLocks.take(
        lockFile,
        () -> reporter.problem(Problem.info(options.archive().toString(), 0, WAITING)),
        "import into " + options.archive());
  }

  /** What an import that finds the archive's lock taken reports. */
  static final String WAITING =
      "another import is writing this archive; waiting for it to finish";

  /**
   * The archive as its index tells it, scanned ahead of the merge; the problems found are reported
   * when the merge takes the scan, after those of the snapshots, as a scan made then would.
   */
  private record Scanned(ArchiveIndex.Scan scan, List<Problem> problems) {
    static Scanned of(ImportOptions options) throws IOException {
      List<Problem> found = Collections.synchronizedList(new ArrayList<>()); // (a parallel walk)
      ArchiveIndex.Scan scan =
          new ArchiveIndex(Objects.requireNonNull(options.cache()))
              .scan(options.archive(), options.zone(), found::add, true, null);
      // a killed import's temporary files, met by the scan's walk (hidden names: not articles)
      for (Path leftover : scan.leftovers()) {
        Files.deleteIfExists(leftover);
      }
      return new Scanned(scan, List.copyOf(found));
    }
  }

  /**
   * Waits for the leftovers' deletion and the scan ahead; a failure is thrown as the IOException it
   * was.
   */
  private static @Nullable Scanned awaitAhead(FutureTask<@Nullable Scanned> ahead)
      throws IOException {
    try {
      return ahead.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException(
          "interrupted while deleting temporary files or scanning the archive");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits for the work ahead to end, whatever its outcome (the lock is released next). */
  private static void awaitQuietly(FutureTask<@Nullable Scanned> ahead) {
    boolean interrupted = false;
    while (true) {
      try {
        ahead.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private ImportReport importLocked(
      List<Path> files,
      Reporter collecting,
      List<Problem> problems,
      long start,
      FutureTask<@Nullable Scanned> ahead)
      throws IOException {
    // 1. read every snapshot and turn its items into candidate versions (in parallel), leaving out
    // the items an earlier import merged into files that still hold what it made (SeenItems)
    @Nullable String seenIdentity = files.isEmpty() ? null : seenIdentity();
    SeenItems seen =
        seenIdentity == null ? SeenItems.NONE : SeenItems.load(options.cache(), seenIdentity);
    // the items of the last files are remembered for the next import (an hourly one reads one file)
    Set<Path> recorded =
        seenIdentity == null
            ? Set.of()
            : new HashSet<>(files.subList(Math.max(0, files.size() - RECORDED_FILES), files.size()));
    List<SnapshotVersions> read = readSnapshots(files, seen, recorded);
    boolean anyLeft = read.stream().anyMatch(r -> !r.left().isEmpty());

    // 2. what the archive already holds (nothing is written before it is clean of a killed
    // import's files); with nothing new to merge, the archive is not needed
    @Nullable Scanned scanned = awaitAhead(ahead);
    Map<String, ArchivedArticle> archived = new HashMap<>();
    Set<Path> taken = new HashSet<>();
    ArchiveIndex index = options.cache() == null ? null : new ArchiveIndex(options.cache());
    ArchiveIndex.Scan scan = null;
    List<ArchivedArticle> existing;
    List<Problem> archiveProblems = Collections.synchronizedList(new ArrayList<>());
    if (read.stream().allMatch(r -> r.candidates().isEmpty()) && !anyLeft) {
      existing = List.of();
    } else if (index == null) {
      existing = new ArchiveReader().readAll(options.archive(), options.zone(), archiveProblems::add);
    } else {
      // the front matter of every file from the index, scanned ahead; bodies below, for the ids
      // merged only
      scanned = Objects.requireNonNull(scanned, "scanned ahead");
      scan = scanned.scan();
      existing = scan.articles();
      archiveProblems.addAll(scanned.problems());
    }
    List<Problem> sharedIds = new ArrayList<>();
    for (ArchivedArticle a : existing) {
      taken.add(a.article().file());
      ArchivedArticle previous = archived.putIfAbsent(a.article().id(), a);
      if (previous != null) {
        sharedIds.add(
            Problem.warning(
                a.article().file().toString(), 0,
                "id \"" + a.article().id() + "\" is also used by " + previous.article().file() + "; this file is left alone"));
      }
    }
    // the items left out that still hold, by id; the files of those that do not are read again
    Map<String, Known> known = new HashMap<>();
    if (anyLeft) {
      read = settle(read, seen, recorded, Objects.requireNonNull(scan, "scan"), archived, known);
    }
    // the snapshots' problems, in file order, then the archive's
    for (SnapshotVersions snapshot : read) {
      snapshot.problems().forEach(collecting::problem);
    }
    archiveProblems.forEach(collecting::problem);
    Map<String, List<Candidate>> byId = new TreeMap<>();
    for (SnapshotVersions snapshot : read) {
      for (Candidate c : snapshot.candidates()) {
        byId.computeIfAbsent(c.article().id(), id -> new ArrayList<>()).add(c);
      }
    }
    sharedIds.forEach(collecting::problem);

    if (scan != null) {
      readBodies(archived, byId.keySet(), collecting);
    }

    // 3. merge each id; new articles are placed in date order so slugs are deterministic
    List<VersionMerger.Merged> merged =
        byId.entrySet().parallelStream()
            .map(e -> VersionMerger.merge(archived.get(e.getKey()), e.getValue(), options.zone()))
            .sorted(Comparator.comparing((VersionMerger.Merged m) -> m.article().date().toInstant())
                .thenComparing(m -> m.article().id()))
            .toList();
    // new articles get their files in date order (slugs made unique in the day), one at a time;
    // each one's folder and slug, and whether that file exists, are found first, in parallel
    List<@Nullable Placement> proposed =
        merged.parallelStream()
            .map(m -> archived.get(m.article().id()) == null ? propose(m.first()) : null)
            .toList();
    List<Article> placedNew = new ArrayList<>(merged.size());
    for (int i = 0; i < merged.size(); i++) {
      VersionMerger.Merged m = merged.get(i);
      @Nullable Placement placement = proposed.get(i);
      if (placement != null) {
        Article placed = place(m.article(), placement, taken);
        taken.add(placed.file());
        placedNew.add(placed);
      } else {
        placedNew.add(null);
      }
    }
    // then each file's text and what to do with it, in parallel (the front matter is written for
    // every article), kept in order so that counts, writes and problems come out the same
    List<Decision> decisions;
    try {
      decisions =
          java.util.stream.IntStream.range(0, merged.size())
              .parallel()
              .mapToObj(i -> decide(merged.get(i), placedNew.get(i), archived, byId))
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    // what the next import may leave out, made now: the texts need not be kept until it is saved,
    // after the writes
    @Nullable Map<String, SeenItems.Seen> remembered =
        seenIdentity == null ? null : remember(known, merged, decisions, read);
    int created = 0;
    int updated = 0;
    int unchanged = known.size(); // (the items left out: their files stay as they are)
    knownArticles = known.size();
    Set<String> createdIds = new HashSet<>();
    Set<String> updatedIds = new HashSet<>();
    Map<Path, String> writes = new LinkedHashMap<>();
    for (Decision d : decisions) {
      if (d.warning() != null) {
        collecting.problem(d.warning());
      }
      if (d.text() != null) {
        writes.put(d.file(), d.text());
      }
      switch (d.kind()) {
        case CREATED -> {
          created++;
          createdIds.add(d.id());
        }
        case UPDATED -> {
          updated++;
          updatedIds.add(d.id());
        }
        case UNCHANGED -> unchanged++;
      }
    }

    // 4. write (in parallel; each file atomically)
    try {
      writes.entrySet().parallelStream().forEach(e -> AtomicFiles.write(e.getKey(), e.getValue()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }

    // 5. images, when asked: downloaded for new and existing articles alike
    ImportReport.@Nullable ImageCounts images = null;
    if (options.archiveImages()) {
      images =
          new ArchiveImages(options.archive(), options.zone(), options.images()).run(collecting, reporter);
    }
    // 6. the index, brought up to date after the writes so that the next build finds it fresh
    ArchiveIndex.@Nullable Scan after = null;
    if (index != null && options.archiveImages()) {
      // the images step rewrote files of its own: walk again
      Reporter silent = problem -> {}; // problems of this archive were reported above
      after = index.scan(options.archive(), options.zone(), silent, true, scan);
    } else if (index != null && scan != null) {
      // files just written are cached by their bytes, not their times (see ArchiveIndex): the
      // next run reads them for their checks, and parses none
      after = ArchiveIndex.afterWrites(scan, writes);
    }
    if (index != null && after != null) {
      index.save(after);
      contents = ArchiveIndex.contents(after);
    }
    if (seenIdentity != null && remembered != null && !seen.holds(remembered, seenIdentity)) {
      SeenItems.save(Objects.requireNonNull(options.cache(), "cache"), seenIdentity, remembered);
    }
    List<ImportReport.SnapshotCounts> counts = new ArrayList<>();
    for (SnapshotVersions snapshot : read) {
      int isNew = 0;
      int isUpdated = 0;
      for (Candidate c : snapshot.candidates()) {
        String id = c.article().id();
        isNew += createdIds.contains(id) ? 1 : 0;
        isUpdated += updatedIds.contains(id) ? 1 : 0;
      }
      counts.add(
          new ImportReport.SnapshotCounts(
              snapshot.file(), snapshot.items() + snapshot.left().size(), snapshot.skipped(), isNew, isUpdated,
              snapshot.candidates().size() + snapshot.left().size() - isNew - isUpdated));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new ImportReport(
        counts, created, updated, unchanged, List.copyOf(problems), elapsed, 0, images);
  }

  /**
   * Reads in full the archived articles of the ids being merged (the index gave their front
   * matter only); one that cannot be read any more is reported and left out.
   */
  private void readBodies(Map<String, ArchivedArticle> archived, Set<String> merged, Reporter collecting)
      throws IOException {
    List<ArchivedArticle> wanted = merged.stream().map(archived::get).filter(Objects::nonNull).toList();
    List<@Nullable ArchivedArticle> full;
    try {
      full =
          wanted.parallelStream()
              .map(a -> ArchiveReader.readOne(options.archive(), a.article().file(), options.zone(), collecting, true))
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (int i = 0; i < wanted.size(); i++) {
      String id = wanted.get(i).article().id();
      ArchivedArticle read = full.get(i);
      if (read == null) {
        archived.remove(id);
      } else {
        archived.put(id, read);
      }
    }
  }

  /**
   * What the import does with one merged article: the text to write to {@code file} (null: leave
   * the file as it is), how it counts, a warning to report, and the text the file holds afterwards
   * when that is the merge's own (null for a file edited by hand, which the merge leaves alone).
   */
  private record Decision(
      Kind kind,
      String id,
      Path file,
      @Nullable String text,
      @Nullable Problem warning,
      @Nullable String result) {
    enum Kind {
      CREATED,
      UPDATED,
      UNCHANGED
    }
  }

  /**
   * Decides for one merged article; {@code placed} is the new article's placed form, or null when
   * the archive already holds it.
   */
  private Decision decide(
      VersionMerger.Merged m,
      @Nullable Article placed,
      Map<String, ArchivedArticle> archived,
      Map<String, List<Candidate>> byId) {
    String id = m.article().id();
    if (placed != null) {
      String text =
          new ArchivedArticle(placed, m.body(), m.firstSeen(), m.fingerprint(), m.dateFromSnapshot())
              .toText();
      return new Decision(Decision.Kind.CREATED, id, placed.file(), text, null, text);
    }
    ArchivedArticle old = archived.get(id);
    Article kept = old.article();
    boolean handEdited = !old.hash().isEmpty() && !old.fingerprint().equals(old.hash());
    // written by hand (or its feed and hash taken out by hand), with the id of a feed's item
    boolean handWritten = old.hash().isEmpty() && old.article().feed().isEmpty();
    if (handEdited || handWritten) {
      // the file stays as it is, and is said to when the feed shows another text than the one it
      // was imported from (a hand edit) or than its own (written by hand); the file competes in
      // the merge (and may win it, being longer): what the feed shows is a question about the
      // snapshots alone
      String upstream = VersionMerger.merge(null, byId.get(id), options.zone()).fingerprint();
      @Nullable String warning =
          handEdited && !upstream.equals(old.hash())
              ? "edited by hand since it was imported; kept as it is although the feed has a newer"
                  + " version"
              : handWritten && !upstream.equals(old.fingerprint())
                  ? "written by hand with the id of a feed item; kept as it is, the feed's version"
                      + " is not imported"
                  : null;
      return new Decision(
          Decision.Kind.UNCHANGED, id, kept.file(), null,
          warning == null ? null : Problem.warning(kept.file().toString(), 0, warning),
          null);
    }
    Article next = withPlace(m.article(), kept.file(), kept.slug());
    String text =
        new ArchivedArticle(next, m.body(), m.firstSeen(), m.fingerprint(), m.dateFromSnapshot(), old.images())
            .toText();
    boolean textChanged = !m.fingerprint().equals(old.hash());
    String current;
    try {
      current = ArchiveReader.readText(kept.file(), kept.file().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (current.equals(text)) {
      return new Decision(Decision.Kind.UNCHANGED, id, kept.file(), null, null, text);
    }
    return new Decision(
        textChanged ? Decision.Kind.UPDATED : Decision.Kind.UNCHANGED, id, kept.file(), text, null, text);
  }

  /**
   * Where a new article would go: its day's folder, the slug of its title, and whether a file (not
   * an article of the archive, or one of them) already has that name.
   */
  private record Placement(Path dir, String base, boolean exists) {}

  private Placement propose(Article article) {
    OffsetDateTime local = article.date();
    Path dir =
        options.archive()
            .resolve(String.format(Locale.ROOT, "%04d", local.getYear()))
            .resolve(String.format(Locale.ROOT, "%02d", local.getMonthValue()))
            .resolve(String.format(Locale.ROOT, "%02d", local.getDayOfMonth()));
    String base = Slugs.of(article.title(), "article-" + shortHash(article.id()));
    return new Placement(dir, base, Files.exists(dir.resolve(base + ".md")));
  }

  /**
   * Gives a new article its file: {@code YYYY/MM/DD/<slug>.md}, the slug made unique in the day
   * ({@code -2}, {@code -3}, … when its name is taken).
   */
  private static Article place(Article article, Placement placement, Set<Path> taken) {
    Path dir = placement.dir();
    String base = placement.base();
    String slug = base;
    boolean exists = placement.exists(); // the base name's, looked up beforehand in parallel
    for (int n = 2; exists || taken.contains(dir.resolve(slug + ".md")); n++) {
      slug = base + "-" + n;
      exists = Files.exists(dir.resolve(slug + ".md"));
    }
    return withPlace(article, dir.resolve(slug + ".md"), slug);
  }

  private static Article withPlace(Article a, Path file, String slug) {
    return new Article(
        file, a.id(), a.title(), a.subtitle(), a.date(), a.updated(), a.authors(), a.tags(), a.link(),
        a.feed(), a.summary(), a.image(), a.truncated(), a.paywall(), slug);
  }

  /**
   * The candidate versions one snapshot gives; an unreadable snapshot gives none.
   *
   * @param items the items read (not those left out)
   * @param left the items left out as {@link SeenItems}, unparsed, by digest
   * @param keys the digest of each candidate whose item is to be remembered (by identity)
   * @param problems what reading the file found, reported once the reads are final
   */
  private record SnapshotVersions(
      Path file,
      int items,
      int skipped,
      List<Candidate> candidates,
      List<String> left,
      Map<Candidate, String> keys,
      String feedTitle,
      String feedLink,
      List<Problem> problems) {

    /** A file that gave nothing. */
    static SnapshotVersions none(Path file, List<Problem> problems) {
      return new SnapshotVersions(file, 0, 0, List.of(), List.of(), Map.of(), "", "", problems);
    }
  }

  /** Files whose items an import remembers ({@link SeenItems}): the last ones, in name order. */
  static final int RECORDED_FILES = 8;

  /** An id whose items were all left out: the item's digest and what an earlier import made of it. */
  private record Known(String digest, SeenItems.Seen seen) {}

  /**
   * What the cache folder's {@link SeenItems} are tied to; null when there is none (no cache
   * folder, or the reuse within a run is off).
   */
  private @Nullable String seenIdentity() throws IOException {
    if (!reuse || options.cache() == null) {
      return null;
    }
    return SeenItems.identity(CodeIdentity.of(ArchiveImporter.class), options.zone().getId());
  }

  /**
   * Step 1: every snapshot read into candidate versions, in parallel, leaving out the items {@code
   * seen} knows; the files in {@code recorded} keep their candidates' item digests. The run's
   * {@link StepOneCache} (every distinct item's HTML) lives only as long as this call.
   */
  private List<SnapshotVersions> readSnapshots(List<Path> files, SeenItems seen, Set<Path> recorded)
      throws IOException {
    AtomicInteger done = new AtomicInteger();
    @Nullable StepOneCache cache = reuse ? new StepOneCache() : null;
    try {
      return files.parallelStream()
          .map(file -> readSnapshot(file, cache, seen, Set.of(), recorded.contains(file)))
          .peek(s -> reporter.progress("snapshots", done.incrementAndGet(), files.size()))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The reads with only the items left out that still hold ({@link #unknown}; those go to {@code
   * known}): each file that left out another is read again with it, until none is in doubt.
   */
  private List<SnapshotVersions> settle(
      List<SnapshotVersions> first,
      SeenItems seen,
      Set<Path> recorded,
      ArchiveIndex.Scan scan,
      Map<String, ArchivedArticle> archived,
      Map<String, Known> known) {
    List<SnapshotVersions> read = new ArrayList<>(first);
    Set<String> refused = new HashSet<>(); // (each round refuses more: the loop ends)
    for (Set<Path> again = Set.of(); ; ) {
      StepOneCache cache = new StepOneCache(); // (a file read again leaves out what still holds)
      for (int i = 0; i < read.size(); i++) {
        Path file = read.get(i).file();
        if (again.contains(file)) {
          read.set(i, readSnapshot(file, cache, seen, refused, recorded.contains(file)));
        }
      }
      known.clear();
      again = unknown(read, seen, scan, archived, known, refused);
      if (again.isEmpty()) {
        return read;
      }
    }
  }

  /**
   * Checks the items left out, by id: an id is known when all its items left out are one and the
   * same, the snapshots give it nothing else, its feed title and link are the remembered ones, and
   * its archive file (the first with the id) still has the bytes an earlier import made of it. The
   * known ids go to {@code known}, the digests of the others' items to {@code refused}; returns
   * the files that left out an item of any other id, to be read again with those items.
   */
  private Set<Path> unknown(
      List<SnapshotVersions> read,
      SeenItems seen,
      ArchiveIndex.Scan scan,
      Map<String, ArchivedArticle> archived,
      Map<String, Known> known,
      Set<String> refused) {
    Set<String> given = new HashSet<>();
    for (SnapshotVersions snapshot : read) {
      for (Candidate c : snapshot.candidates()) {
        given.add(c.article().id());
      }
    }
    Map<String, Set<Path>> filesOf = new HashMap<>();
    Map<String, Set<String>> digestsOf = new HashMap<>();
    Set<String> doubtful = new HashSet<>();
    for (SnapshotVersions snapshot : read) {
      Set<String> inFile = new HashSet<>();
      for (String digest : snapshot.left()) {
        SeenItems.Seen item = Objects.requireNonNull(seen.get(digest), "left out, so seen");
        String id = item.id();
        filesOf.computeIfAbsent(id, k -> new HashSet<>()).add(snapshot.file());
        digestsOf.computeIfAbsent(id, k -> new HashSet<>()).add(digest);
        Known before = known.putIfAbsent(id, new Known(digest, item));
        if (!inFile.add(id)
            || before != null && !before.digest().equals(digest)
            || given.contains(id)
            || !item.feedTitle().equals(snapshot.feedTitle())
            || !item.feedLink().equals(snapshot.feedLink())) {
          doubtful.add(id);
        }
      }
    }
    for (Map.Entry<String, Known> e : known.entrySet()) {
      SeenItems.Seen item = e.getValue().seen();
      ArchivedArticle article = archived.get(e.getKey());
      ArchiveIndex.@Nullable Entry entry = scan.entries().get(item.path());
      if (article == null
          || entry == null
          || entry.check() != item.check()
          || !relative(article.article().file()).equals(item.path())) {
        doubtful.add(e.getKey());
      }
    }
    Set<Path> again = new HashSet<>();
    for (String id : doubtful) {
      known.remove(id);
      again.addAll(filesOf.get(id));
      refused.addAll(digestsOf.get(id));
    }
    return again;
  }

  /** An archive file's path in the archive, {@code /}-separated. */
  private String relative(Path file) {
    try {
      return ArchiveIndex.relativePath(options.archive(), file);
    } catch (IllegalArgumentException e) {
      return ""; // (one path absolute, the other not: no archive path, nothing remembered by it)
    }
  }

  /**
   * The {@link SeenItems} for the next import: the known items that still hold, and each item of
   * the last files that alone won its merge, with the file as this import leaves it.
   */
  private Map<String, SeenItems.Seen> remember(
      Map<String, Known> known,
      List<VersionMerger.Merged> merged,
      List<Decision> decisions,
      List<SnapshotVersions> read) {
    // the snapshot of each candidate whose item has a digest
    Map<Candidate, SnapshotVersions> from = new java.util.IdentityHashMap<>();
    for (SnapshotVersions snapshot : read) {
      snapshot.keys().keySet().forEach(c -> from.put(c, snapshot));
    }
    Map<String, SeenItems.Seen> next = new HashMap<>();
    known.values().forEach(k -> next.put(k.digest(), k.seen()));
    for (int i = 0; i < merged.size(); i++) {
      @Nullable Candidate alone = merged.get(i).alone();
      Decision d = decisions.get(i);
      @Nullable SnapshotVersions snapshot = alone == null ? null : from.get(alone);
      if (snapshot == null || d.result() == null) {
        continue;
      }
      String digest = snapshot.keys().get(alone);
      byte[] bytes = d.result().getBytes(StandardCharsets.UTF_8);
      next.put(
          digest,
          new SeenItems.Seen(
              d.id(), relative(d.file()), ContentCheck.of(bytes, 0, bytes.length),
              snapshot.feedTitle(), snapshot.feedLink()));
    }
    return next;
  }


  /**
   * What step 1 remembers within a run: the items already parsed, and each distinct item version
   * already converted (keyed by everything the conversion reads).
   */
  private record StepOneCache(
      ItemMemo items,
      Map<ConversionKey, Conversion> conversions,
      Map<String, String> texts,
      Map<String, String> plains,
      Map<FingerprintKey, String> fingerprints) {

    StepOneCache() {
      this(new ItemMemo(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
          new ConcurrentHashMap<>());
    }

    /** {@link ArchiveImporter#text}, once per distinct string. */
    String text(String s) {
      return texts.computeIfAbsent(s, ArchiveImporter::text);
    }

    /** {@link ArchiveImporter#plain}, once per distinct string. */
    String plain(String s) {
      return plains.computeIfAbsent(s, ArchiveImporter::plain);
    }

    /** {@link ArchivedArticle#fingerprint}, once per distinct version. */
    String fingerprint(Article a, String body) {
      FingerprintKey key =
          new FingerprintKey(a.title(), a.subtitle(), a.authors(), a.tags(), a.link(), a.summary(), body,
              a.truncated(), a.paywall());
      return fingerprints.computeIfAbsent(key, k -> ArchivedArticle.fingerprint(a, body));
    }
  }

  /** What {@link ArchivedArticle#fingerprint} reads. */
  private record FingerprintKey(
      String title, String subtitle, List<String> authors, List<String> tags, String link, String summary,
      String body, boolean truncated, int paywall) {}

  /** What converting an item's HTML depends on. */
  private record ConversionKey(String html, String baseUri, String title, String summaryHtml) {}

  /**
   * An item's HTML converted: the sanitised and extracted content, the summary, and the first
   * words standing in for a missing title ({@code ""} when the title is not missing).
   */
  private record Conversion(ArticleContent content, String summary, String firstWords) {}

  /**
   * Reads one snapshot into candidate versions, leaving out the items {@code seen} knows but for
   * the {@code refused} ones (checked by the caller: {@link #unknown}); with {@code keep}, the
   * digest of each candidate's item, when the file read without any problem.
   */
  private SnapshotVersions readSnapshot(
      Path file, @Nullable StepOneCache cache, SeenItems seen, Set<String> refused, boolean keep) {
    List<Problem> found = new ArrayList<>();
    Reporter problems = found::add;
    FeedReader.Sifted sifted;
    try {
      sifted =
          cache == null
              ? new FeedReader.Sifted(feedReader.read(file, problems), List.of(), List.of())
              : feedReader.read(
                  file, problems, cache.items(), key -> !seen.isEmpty() && leaves(seen, refused, key.digest()));
    } catch (SiteGenException e) {
      problems.problem(e.problem());
      return SnapshotVersions.none(file, found);
    } catch (IOException e) {
      problems.problem(Problem.error(file.toString(), 0, "cannot read the snapshot: " + e.getMessage()));
      return SnapshotVersions.none(file, found);
    }
    Snapshot snapshot = sifted.snapshot();
    String source = file.getFileName().toString();
    String feedName = text(snapshot.feedTitle(), cache);
    if (feedName.length() > MAX_NAME_CHARS) {
      problems.problem(
          Problem.warning(
              file.toString(), 0,
              "feed title of " + feedName.length() + " characters cut to " + MAX_NAME_CHARS));
      feedName = cut(feedName, MAX_NAME_CHARS);
    }
    List<Candidate> candidates = new ArrayList<>();
    Map<Candidate, String> keys = new java.util.IdentityHashMap<>();
    Set<String> idsInFile = new HashSet<>();
    int skipped = 0;
    List<FeedItem> items = snapshot.items();
    for (int i = 0; i < items.size(); i++) {
      FeedItem item = items.get(i);
      if (isEmpty(item)) {
        problems.problem(
            Problem.warning(
                file.toString(), item.line(), "item skipped: expected a title, link, id or content, found none"));
        skipped++;
        continue;
      }
      try {
        Candidate candidate = toCandidate(snapshot, source, feedName, item, problems, cache);
        if (!idsInFile.add(candidate.article().id())) {
          problems.problem(
              Problem.warning(
                  file.toString(), item.line(),
                  "item \"" + candidate.article().title() + "\": id \"" + candidate.article().id()
                      + "\" appears earlier in the same file; the first one is kept"));
          skipped++;
          continue;
        }
        candidates.add(candidate);
        if (keep && !sifted.keys().isEmpty()) {
          keys.put(candidate, sifted.keys().get(i).digest());
        }
      } catch (RuntimeException | StackOverflowError e) {
        // one bad item never costs the others (a StackOverflowError is an Error: caught here, per item)
        problems.problem(Problem.error(file.toString(), item.line(), "item skipped: " + e));
        skipped++;
      }
    }
    List<String> left = sifted.left().stream().map(ItemMemo.Key::digest).toList();
    return new SnapshotVersions(
        file, items.size(), skipped, candidates, left, found.isEmpty() ? keys : Map.of(),
        snapshot.feedTitle(), snapshot.feedLink(), found);
  }

  private static boolean leaves(SeenItems seen, Set<String> refused, String digest) {
    return seen.get(digest) != null && !refused.contains(digest);
  }

  private static boolean isEmpty(FeedItem item) {
    return item.title().isBlank()
        && item.link().isBlank()
        && item.guid().isBlank()
        && item.contentHtml().isBlank()
        && item.summaryHtml().isBlank();
  }

  private Candidate toCandidate(
      Snapshot snapshot,
      String source,
      String feedName,
      FeedItem item,
      Reporter problems,
      @Nullable StepOneCache cache) {
    ZoneId zone = options.zone();
    String title = text(item.title(), cache);
    if (title.length() > MAX_TITLE_CHARS) {
      problems.problem(
          cutWarning(
              snapshot, item, title,
              "title of " + title.length() + " characters cut to " + MAX_TITLE_CHARS));
      title = cut(title, MAX_TITLE_CHARS);
    }
    String raw = item.contentHtml();
    if (raw.length() > MAX_CONTENT_CHARS) {
      // memory stays bounded: the sanitiser and the converter build a tree of the whole HTML
      problems.problem(
          Problem.warning(
              snapshot.file().toString(), item.line(),
              "item \"" + title + "\": content of " + Math.round(raw.length() / (1024.0 * 1024)) + " MB is over the "
                  + MAX_CONTENT_CHARS / (1024 * 1024) + " MB limit; only its start is kept"));
      raw = raw.substring(0, MAX_CONTENT_CHARS);
    }
    String summaryHtml = item.summaryHtml().length() > MAX_CONTENT_CHARS ? "" : item.summaryHtml();
    ConversionKey key = new ConversionKey(raw, item.baseUri(), title, summaryHtml);
    @Nullable Conversion conversion = cache == null ? null : cache.conversions().get(key);
    if (conversion == null) {
      conversion = convert(key);
      if (cache != null) {
        cache.conversions().putIfAbsent(key, conversion);
      }
    }
    ArticleContent content = conversion.content();
    String summary = conversion.summary();
    if (title.isEmpty()) {
      title = conversion.firstWords();
      if (title.isEmpty()) {
        title = item.link().isEmpty() ? "Untitled" : item.link();
      }
    }
    OffsetDateTime published = item.published();
    boolean dateFromSnapshot = published == null;
    String where = snapshot.file().toString();
    if (published == null) {
      problems.problem(
          Problem.warning(
              where, item.line(),
              "item \"" + title + "\": expected a publication date, found none or an unparseable one;"
                  + " using the snapshot time (date_from: snapshot)"));
      published = snapshot.time().atOffset(java.time.ZoneOffset.UTC);
    } else if (published.toInstant().isAfter(snapshot.time().plus(Duration.ofDays(1)))) {
      problems.problem(
          Problem.info(
              where, item.line(),
              "item \"" + title + "\": date " + published + " is in the future of the snapshot ("
                  + snapshot.time() + "); kept"));
    } else if (published.getYear() <= 1970) {
      problems.problem(
          Problem.info(
              where, item.line(), "item \"" + title + "\": implausible date " + published + "; kept"));
    }
    Article article =
        new Article(
            Path.of(""),
            identity(item),
            title,
            text(content.subtitle(), cache),
            published.atZoneSameInstant(zone).toOffsetDateTime(),
            null,
            names(plainList(item.authors(), cache), "authors", title, snapshot, item, problems),
            names(plainList(item.categories(), cache), "tags", title, snapshot, item, problems),
            url(HtmlSanitizer.safeUrl(item.link()), "link", title, snapshot, item, problems),
            feedName,
            summary,
            url(HtmlSanitizer.safeUrl(item.image()), "image", title, snapshot, item, problems),
            content.truncated(),
            content.paywallPercent(),
            "");
    OffsetDateTime feedUpdated =
        item.updated() == null ? null : item.updated().atZoneSameInstant(zone).toOffsetDateTime();
    String body = content.markdown();
    String fingerprint =
        cache == null
            ? ArchivedArticle.fingerprint(article, body)
            : cache.fingerprint(article, body);
    return new Candidate(
        snapshot.time(), source, item.line(), article, body, feedUpdated, fingerprint, dateFromSnapshot);
  }

  /**
   * At most {@link #MAX_NAMES} authors or tags ({@code what}), each cut to {@link #MAX_NAME_CHARS}
   * characters; a warning says what was left out or cut.
   */
  private static List<String> names(
      List<String> names, String what, String title, Snapshot snapshot, FeedItem item,
      Reporter problems) {
    int longest = names.stream().mapToInt(String::length).max().orElse(0);
    if (names.size() <= MAX_NAMES && longest <= MAX_NAME_CHARS) {
      return names;
    }
    List<String> kept =
        names.stream().limit(MAX_NAMES).map(name -> cut(name, MAX_NAME_CHARS)).distinct().toList();
    problems.problem(
        cutWarning(
            snapshot, item, title,
            what + ": " + names.size() + ", the longest of " + longest + " characters; kept "
                + kept.size() + " (at most " + MAX_NAMES + "), cut to " + MAX_NAME_CHARS
                + " characters each"));
    return kept;
  }

  /** The URL ({@code what}), or "" with a warning when it is longer than {@link #MAX_URL_CHARS}. */
  private static String url(
      String url, String what, String title, Snapshot snapshot, FeedItem item, Reporter problems) {
    if (url.length() <= MAX_URL_CHARS) {
      return url;
    }
    problems.problem(
        cutWarning(
            snapshot, item, title,
            what + " of " + url.length() + " characters left out (at most " + MAX_URL_CHARS + ")"));
    return "";
  }

  /**
   * A warning about a value of an item too long for front matter, naming the item by the start of
   * its title (itself perhaps megabytes long).
   */
  private static Problem cutWarning(Snapshot snapshot, FeedItem item, String title, String what) {
    return Problem.warning(
        snapshot.file().toString(), item.line(), "item \"" + cut(title, 80) + "\": " + what);
  }

  /** Authors or tags as plain text, without blanks or duplicates. */
  private static List<String> plainList(List<String> values, @Nullable StepOneCache cache) {
    return values.stream()
        .map(s -> plain(s, cache))
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  /** The costly part of an item's conversion: a pure function of the key. */
  private Conversion convert(ConversionKey key) {
    // allow-list sanitising first: nothing executable reaches the converter, the archive or a page
    // parsed once: the converter reads the sanitiser's element (not its HTML parsed again)
    Element body = HtmlSanitizer.clean(key.html(), key.baseUri());
    String summaryText = HtmlText.of(key.summaryHtml());
    // the content's text before the extractor takes the subtitle and notices out of it
    String contentText = summaryText.isEmpty() || key.title().isEmpty() ? body.text().strip() : "";
    ArticleContent content = extractor.extract(body, key.baseUri(), key.title());
    String summary = cut(text(summaryText.isEmpty() ? contentText : summaryText), SUMMARY_LENGTH);
    String firstWords =
        key.title().isEmpty()
            ? Objects.requireNonNullElse(firstWords(summary.isEmpty() ? contentText : summary), "")
            : "";
    return new Conversion(content, summary, firstWords);
  }

  private static @Nullable String firstWords(String text) {
    return text.isEmpty() ? null : cut(text, 80);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = text.lastIndexOf(' ', max - 1);
    return text.substring(0, end > max / 2 ? end : max - 1).strip() + "…";
  }

  /** A tag ({@code <b>}, {@code </b>}, {@code <!--}): markup in a text field is read as HTML. */
  private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<[a-zA-Z/!]");

  /**
   * Authors and tags are text, but feeds put markup in them like in titles: read as HTML when they
   * look like it, so that no tag (and no script) survives as text.
   */
  private static String plain(String s) {
    return text(MARKUP.matcher(s).find() ? HtmlText.of(s) : s);
  }

  /** {@link #text(String)}, through the run's cache when there is one. */
  private static String text(String s, @Nullable StepOneCache cache) {
    return cache == null ? text(s) : cache.text(s);
  }

  /** {@link #plain(String)}, through the run's cache when there is one. */
  private static String plain(String s, @Nullable StepOneCache cache) {
    return cache == null ? plain(s) : cache.plain(s);
  }

  /** Plain, single-line text: NFC, whitespace runs (not no-break spaces) collapsed, trimmed. */
  static String text(String s) {
    String nfc = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    return FrontMatter.printable(nfc.replaceAll("[ \\t\\n\\r\\f\\u000b]+", " ").strip());
  }

  /** The guid, else the normalised link, else a hash of title and content. */
  static String identity(FeedItem item) {
    String guid = item.guid().strip();
    if (!guid.isEmpty()) {
      return bounded(guid);
    }
    String link = item.link().strip();
    if (!link.isEmpty()) {
      return bounded(normaliseLink(link));
    }
    return "sha256:" + shortHash(item.title() + "\u001f" + item.contentHtml());
  }

  /** An identity, or the hash of one longer than {@link #MAX_ID_CHARS} (the same for the same). */
  private static String bounded(String id) {
    return id.length() <= MAX_ID_CHARS ? id : "sha256:" + shortHash(id);
  }

  /** A link as an identity: lower-case scheme and host, no fragment, no trailing slash. */
  static String normaliseLink(String link) {
    try {
      java.net.URI uri = new java.net.URI(link);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return link;
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path + query;
    } catch (java.net.URISyntaxException e) {
      return link;
    }
  }

  private static String shortHash(String s) {
    byte[] digest = Sha256.digest().digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

}

package io.github.sitegen.site;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ArchiveIndex;
import io.github.sitegen.archive.ArchiveReader;
import io.github.sitegen.archive.Article;
import io.github.sitegen.images.ImageDownloader;
import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.CodeIdentity;
import io.github.sitegen.internal.ContentCheck;
import io.github.sitegen.internal.XmlChars;
import io.github.sitegen.markdown.MarkdownRenderer;
import io.github.sitegen.site.model.ArticleView;
import io.github.sitegen.site.model.DateView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Renders the Markdown archive into a static site: article pages, paginated home, year/month/day
 * and tag indexes, Atom feed, sitemap, 404 page and the theme's assets. Configured once, then
 * thread-safe.
 *
 * <p>Every link between pages is relative, so the site works under any sub-path and from a local
 * folder. A file is written only when its bytes change, so a re-run over the same archive writes
 * nothing. With a build cache ({@link SiteOptions#cache()}) a page is not even rendered when its
 * inputs (model, bodies, where their links lead, theme, options, this code) are those of the
 * previous build and its file is as that build left it, and the files a previous build wrote that
 * no page makes any more are deleted (never files the build did not write); and a build whose inputs
 * are those of the last complete build, over the files it left ({@link SiteState}), stops before
 * planning anything. The output is byte for byte that of a clean build either way.
 *
 * <pre>{@code
 * var options = SiteOptions.defaults(Path.of("articles"), Path.of("target/site"));
 * SiteReport report = new SiteGenerator(options, Reporter.silent()).generate();
 * }</pre>
 */
public final class SiteGenerator {
  private static final int MAX_THREADS = 8;

  /** Article pages rendered between two additions to the search index. */
  static final int BATCH = 256;

  private static final String ARTICLE = "article.ftlh";

  private final SiteOptions options;
  /** The output folder, absolute and normalised once: every page's file is resolved in it. */
  private final Path outputRoot;
  private final Reporter reporter;
  private final Theme theme;
  private final SitePlanner dates;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final ArchiveReader archive = new ArchiveReader();

  /** For templates: which optional kinds of output this site has ({@code on.search}, …). */
  private final Map<String, Boolean> on;
  /** The build cache's key, made once ({@link #cacheKey}). */
  private @Nullable String cacheKey;
  /** The site state's key, made once ({@link #stateKey}). */
  private @Nullable String stateKey;
  /** The output folder's folders, as this build has made or found them; one per build. */
  private @Nullable Folders folders;
  private final @Nullable Memory memory;

  /**
   * What a long-running process (the preview server) keeps from one build for the next of the same
   * site: the last plan, with the archive folder, build cache key (code, theme, labels, options)
   * and plan digest (every article's front matter, the archived images, the JDK) it was made for. A
   * build with a cache, of the same archive folder, with that key and plan digest (after a hand edit
   * of an article's text, say) takes that plan instead of planning every page again. Thread-safe;
   * holds one plan.
   */
  public static final class Memory {
    private record Planned(String archive, String key, byte[] digest, SitePlanner.Plan plan) {}

    private volatile @Nullable Planned last;
    private final java.util.concurrent.atomic.AtomicInteger reused =
        new java.util.concurrent.atomic.AtomicInteger();

    /** An empty memory, for the first build of a site. */
    public Memory() {}

    /** How many builds took the plan from here (for tests). */
    int plansReused() {
      return reused.get();
    }
  }

  /**
   * A generator for one site.
   *
   * @throws SiteGenException when the output folder is the archive folder, the cache folder is
   *     inside the output folder, the theme folder is not a folder, or a date pattern of its
   *     labels is missing or invalid
   */
  public SiteGenerator(SiteOptions options, Reporter reporter) {
    this(options, reporter, null);
  }

  /**
   * A generator for one site that keeps what the next build of the site may reuse in {@code
   * memory} (one per site, shared by the generators of its successive builds).
   *
   * @throws SiteGenException as {@link #SiteGenerator(SiteOptions, Reporter)}
   */
  public SiteGenerator(SiteOptions options, Reporter reporter, @Nullable Memory memory) {
    this.memory = memory;
    this.options = requireNonNull(options, "options");
    this.outputRoot = options.output().toAbsolutePath().normalize();
    this.reporter = requireNonNull(reporter, "reporter");
    refuseBadFolders(options.output(), options.archive(), options.cache());
    this.theme = new Theme(options.theme(), options.locale(), options.zone());
    Map<String, Boolean> kinds = new HashMap<>();
    for (PageKind kind : PageKind.values()) {
      kinds.put(kind.key(), options.makes(kind));
    }
    this.on = Map.copyOf(kinds);
    String language = options.locale().getLanguage();
    if (!theme.labels().locale().getLanguage().equals(language)) {
      reporter.problem(
          Problem.warning(
              "i18n/labels_" + language + ".properties",
              0,
              "no labels in "
                  + options.locale().getDisplayLanguage(Labels.DEFAULT_LOCALE)
                  + ": the default ones are used, and dates are written in their language"
                  + " ("
                  + Labels.DEFAULT_LOCALE.getDisplayLanguage(Labels.DEFAULT_LOCALE)
                  + "); add this file to the theme folder to translate them"));
    }
    try {
      // fails now, not mid-build, on a bad date pattern; formats dates for JSON-LD and search
      this.dates = new SitePlanner(options, theme.labels());
    } catch (IllegalArgumentException e) {
      throw new SiteGenException(
          Problem.error(
              "i18n/labels_" + options.locale().getLanguage() + ".properties",
              0,
              "date format: " + e.getMessage()),
          e);
    }
  }

  /**
   * Refuses folders a build would write wrongly into: an output folder that is the archive folder
   * (the site's pages among the articles), and a cache folder that is the output folder or lies
   * inside it (the caches, every article's body among them, published with the site); by name and
   * through links, as far as they exist. A {@link SiteGenerator} checks them when it is made; the
   * goals that import before a build check them first, so that a bad configuration fails before
   * anything is written.
   *
   * @throws SiteGenException naming the folder that must move
   */
  public static void refuseBadFolders(Path output, Path archive, @Nullable Path cache) {
    Path outputRoot = output.toAbsolutePath().normalize();
    if (sameFolder(outputRoot, archive)) {
      throw new SiteGenException(
          Problem.error(
              output.toString(),
              0,
              "the output folder is the archive folder: the site's pages would be written among"
                  + " the articles; give the site a folder of its own (such as target/site)"));
    }
    if (cache != null && within(cache, outputRoot)) {
      throw new SiteGenException(
          Problem.error(
              cache.toString(),
              0,
              "the cache folder is inside the output folder: its files (every article's body"
                  + " among them) would be published with the site; keep it beside the site"
                  + " (such as target/site-gen-cache)"));
    }
  }

  /**
   * Refuses an output folder that is the snapshots folder or lies inside it: the site's own feeds
   * and sitemap ({@code *.xml}) would be imported as snapshots by the next import, and a preview
   * watching the snapshots would rebuild after each of its own builds. Folders are compared by
   * name and through links, as far as they exist. For the commands and goals that know both
   * folders (a snapshots folder inside the output folder is allowed, as the archive folder is:
   * it is then published with the site).
   *
   * @throws SiteGenException naming the output folder
   */
  public static void refuseSiteInSnapshots(Path output, Path snapshots) {
    if (within(output, snapshots.toAbsolutePath().normalize())) {
      throw new SiteGenException(
          Problem.error(
              output.toString(),
              0,
              "the output folder is the snapshots folder "
                  + snapshots
                  + " or inside it: the site's own feeds and sitemap would be imported as"
                  + " snapshots; give the site a folder of its own (such as target/site)"));
    }
  }

  /**
   * Builds the site into {@link SiteOptions#output()}. An empty archive folder gives a site with
   * no articles; a missing one is an error (a mistyped folder would otherwise give an empty site,
   * deployed over the real one), as a missing snapshots folder is for an import, which creates
   * the archive folder. One build of a site at a time: a build started while another one (of this
   * process or another) writes the same output folder waits for it, and says so to the reporter
   * (a note on the output folder).
   *
   * @throws io.github.sitegen.SiteGenException on bad options (a missing archive folder among
   *     them) or a broken template
   * @throws IOException when the archive cannot be read or the output written
   */
  public SiteReport generate() throws IOException {
    try (SiteLock lock = SiteLock.take(options.output(), reporter)) {
      return generateLocked();
    }
  }

  /**
   * The lock file that one build of the site in {@code output} at a time holds: in the temporary
   * folder, named after the folder's real path (the file can stay: it is the OS lock on it that
   * counts). Public for whoever deletes a site for good (a temporary one) and would not leave its
   * lock file behind.
   *
   * @throws IOException when the folder does not exist
   */
  public static Path lockFile(Path output) throws IOException {
    return SiteLock.file(output);
  }

  /** {@link #generate()}, once this build holds the site's lock. */
  private SiteReport generateLocked() throws IOException {
    if (!Files.isDirectory(options.archive())) {
      throw new SiteGenException(
          Problem.error(
              options.archive().toString(),
              0,
              Files.exists(options.archive())
                  ? "archive folder: expected a folder, found a file"
                  : "archive folder: expected a folder, found none (an import creates it;"
                      + " create it empty for a site with no articles yet)"));
    }
    Path cache = options.cache();
    if (cache == null) {
      ArchiveReader.Listing listing = archive.list(options.archive(), options.zone(), reporter);
      return generate(listing.articles(), archive::body, listing.images(), null, null);
    }
    // an archive whose files are those the last complete build was made from, over the files it
    // left: nothing to do, told by a walk of the archive, before its index is read
    Checked checked = unchangedSources(cache);
    if (checked.unchanged() != null) {
      return checked.unchanged();
    }
    // with a cache, the archive index also gives each article's fingerprint (body and what a
    // reader sees of its front matter): the build cache tells changed bodies without reading them;
    // the archive's files are those the check's walk found, if it made one (no second walk)
    return generate(
        new ArchiveIndex(cache).read(options.archive(), options.zone(), reporter, checked.walk()),
        checked);
  }

  /**
   * What {@link #unchangedSources} found: the report of a build with nothing to do, or null; the
   * site state it read (null: none), which the build then compares its inputs with; and its walk
   * of the archive, if it made one.
   */
  private record Checked(
      @Nullable SiteReport unchanged,
      @Nullable SiteState state,
      ArchiveIndex.@Nullable Walk walk) {}

  /**
   * The report of a build that has nothing to do because the archive's files (each by size and
   * time, or by its bytes when only its time changed), its archived images and the JDK are those of
   * the last complete build, with the same key, and the files that build wrote are as it left them;
   * null when any of that differs or is not known.
   */
  private Checked unchangedSources(Path cacheFolder) throws IOException {
    long start = System.nanoTime();
    @Nullable SiteState state = SiteState.load(cacheFolder, stateKey());
    SiteState.@Nullable Sources sources = state == null ? null : state.sources();
    if (state == null || sources == null || !sources.jdk().equals(SiteState.Sources.currentJdk())) {
      return new Checked(null, state, null);
    }
    String root = root();
    // the site's files (~17,000 at 10k articles, one stat each) checked on another thread while
    // this one walks the archive: the two checks are independent and neither fills both cores
    FutureTask<Boolean> siteIntact =
        started("site-gen-site-check", () -> state.intact(options.output()));
    ArchiveIndex.Check check;
    try {
      // a file added or of another size stops the site check at once: only an unchanged archive
      // needs its answer (and such a check always finds the archive changed, so the cancelled
      // site check is never awaited below)
      check =
          ArchiveIndex.check(
              options.archive(),
              sources.files(),
              root.equals(sources.archive()),
              () -> siteIntact.cancel(true));
    } catch (IOException | RuntimeException e) {
      siteIntact.cancel(true);
      throw e;
    }
    List<ArchiveIndex.FileStamp> files = check.files();
    if (files == null || !imageFiles().equals(sources.images())) {
      siteIntact.cancel(true); // a changed archive needs no answer: the check stops at its next file
      return new Checked(null, state, check.walk());
    }
    if (!await(siteIntact)) {
      return new Checked(null, state, check.walk());
    }
    if (!files.equals(sources.files()) || !root.equals(sources.archive())) {
      // the same bytes under new times (a checkout) or at another path: remembered as found now
      state
          .with(new SiteState.Sources(root, sources.jdk(), files, sources.articles(), sources.images()))
          .save(cacheFolder);
      if (onlyLearntTimes(sources.files(), files)) {
        // files an import wrote (cached by their bytes) now have times to trust, and no checkout
        // changed the others': the archive index learns them too, once, for the next import
        new ArchiveIndex(cacheFolder)
            .read(options.archive(), options.zone(), reporter, check.walk());
      }
    }
    return new Checked(unchangedReport(state, sources.articles(), start), state, null);
  }

  /**
   * Whether {@code now} (the same files as {@code before}, in the same order) differs only by times
   * that {@code before} did not know: each other file kept its time.
   */
  private static boolean onlyLearntTimes(
      List<ArchiveIndex.FileStamp> before, List<ArchiveIndex.FileStamp> now) {
    boolean learnt = false;
    for (int i = 0; i < before.size(); i++) {
      long was = before.get(i).modified();
      long is = now.get(i).modified();
      if (was == ArchiveIndex.UNTIMED) {
        learnt |= is != ArchiveIndex.UNTIMED;
      } else if (was != is) {
        return false;
      }
    }
    return learnt;
  }

  /** The report of a build that found the site as {@code state} says and wrote nothing. */
  private SiteReport unchangedReport(SiteState state, int articles, long start) {
    noteMissingSitemap();
    return new SiteReport(
        articles,
        0,
        state.outputs().size(),
        options.output(),
        Duration.ofNanos(System.nanoTime() - start),
        state.pages(),
        0);
  }

  /** The archive folder as sources name it: its absolute, normalised path. */
  private String root() {
    return options.archive().toAbsolutePath().normalize().toString();
  }

  /**
   * Every file of the archive's images folder ({@value ImageDownloader#FOLDER}, where archived
   * images are kept) with its size and time (ms), in path order: whichever of them articles show,
   * a file added, removed or changed there is seen.
   */
  private List<SiteState.Output> imageFiles() throws IOException {
    Path folder = options.archive().resolve(ImageDownloader.FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<SiteState.Output> files = new ArrayList<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String path = options.archive().relativize(file).toString().replace('\\', '/');
            files.add(
                new SiteState.Output(
                    path, attributes.size(), attributes.lastModifiedTime().toMillis(), false));
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(Comparator.comparing(SiteState.Output::path));
    return files;
  }

  /**
   * The size and time (ms) of each archived image (by its path in the archive), as found now: size
   * -1 for one that is missing.
   */
  private List<SiteState.Output> imageStamps(Collection<String> paths) {
    List<SiteState.Output> stamps = new ArrayList<>(paths.size());
    for (String image : paths) {
      try {
        BasicFileAttributes file =
            Files.readAttributes(options.archive().resolve(image), BasicFileAttributes.class);
        stamps.add(new SiteState.Output(image, file.size(), file.lastModifiedTime().toMillis(), false));
      } catch (IOException e) {
        stamps.add(new SiteState.Output(image, -1, 0, false));
      }
    }
    return stamps;
  }

  /**
   * Builds the site from the archive as {@code contents} gives it, as {@link ArchiveIndex#read} of
   * {@link SiteOptions#archive()} does (for instance {@link
   * io.github.sitegen.archive.ArchiveImporter#contents()} right after an import), without reading
   * the archive's front matter or index again; bodies are read as usual.
   *
   * @throws io.github.sitegen.SiteGenException on bad options or a broken template
   * @throws IOException when a body cannot be read or the output written
   */
  public SiteReport generate(ArchiveIndex.Contents contents) throws IOException {
    try (SiteLock lock = SiteLock.take(options.output(), reporter)) {
      return generate(contents, null);
    }
  }

  /** As {@link #generate(ArchiveIndex.Contents)}, given the site state already read, if any. */
  private SiteReport generate(ArchiveIndex.Contents contents, @Nullable Checked checked)
      throws IOException {
    requireNonNull(contents, "contents");
    Map<Path, String> fingerprints = contents.fingerprints();
    BodyLoader bodies =
        new BodyLoader() {
          @Override
          public String body(Article article) throws IOException {
            return archive.body(article);
          }

          @Override
          public byte[] identity(Article article) throws IOException {
            String fingerprint = fingerprints.get(article.file());
            return fingerprint == null
                ? BodyLoader.super.identity(article)
                : ("index " + fingerprint).getBytes(StandardCharsets.UTF_8);
          }
        };
    return generate(
        contents.listing().articles(),
        bodies,
        contents.listing().images(),
        contents.files(),
        checked);
  }

  /**
   * The pages other than article pages, grouped by the batch of article pages (of {@link #BATCH})
   * after which every body they show has been parsed; the last group, one past the batches, holds
   * the pages showing no body (or a body without an article page), each group in page order.
   */
  static List<List<Page>> byLastBatch(List<Page> articlePages, List<Page> otherPages) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < articlePages.size(); i++) {
      position.put(articlePages.get(i).path(), i);
    }
    int batches = (articlePages.size() + BATCH - 1) / BATCH;
    List<List<Page>> groups = new ArrayList<>();
    for (int i = 0; i <= batches; i++) {
      groups.add(new ArrayList<>());
    }
    for (Page page : otherPages) {
      int last = -1;
      for (String body : page.bodies()) {
        Integer at = position.get(body);
        last = Math.max(last, at == null ? Integer.MAX_VALUE : at);
      }
      groups.get(last < 0 || last == Integer.MAX_VALUE ? batches : last / BATCH).add(page);
    }
    return groups;
  }

  /** The article pages of the batch starting at {@code from} (none past the end), queued. */
  private Group<Rendered> submit(
      ExecutorService pool,
      List<Page> articlePages,
      int from,
      SitePlanner.Plan plan,
      BodyHtml bodyHtml,
      SearchIndex.@Nullable Vocabulary words,
      @Nullable Incremental inc) {
    List<Callable<Rendered>> batch = new ArrayList<>();
    int start = Math.min(articlePages.size(), from);
    for (Page page : articlePages.subList(start, Math.min(articlePages.size(), start + BATCH))) {
      batch.add(() -> article(page, plan, bodyHtml, words, inc));
    }
    return new Group<>(pool, batch);
  }

  /**
   * Tasks queued together and awaited together: the waiting thread sleeps once for the group and
   * is woken by its last task. Awaited one by one, each page put the waiting thread to sleep and
   * woke it again: two system calls a page, ~36,000 in a clean 10k build (~6,000 now), ~4 % of its
   * CPU on a virtual machine (bench/HISTORY.md, twelfth round).
   */
  private static final class Group<T> {
    private final List<Future<T>> futures;
    private final CountDownLatch left;

    Group(ExecutorService pool, List<Callable<T>> tasks) {
      left = new CountDownLatch(tasks.size());
      futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return task.call();
                  } finally {
                    left.countDown();
                  }
                }));
      }
    }

    /** The results in task order, once every task is done; a task's failure as {@link #await}. */
    List<T> results() throws IOException {
      try {
        left.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while rendering", e);
      }
      List<T> results = new ArrayList<>(futures.size());
      for (Future<T> future : futures) {
        results.add(await(future));
      }
      return results;
    }
  }

  /** Pages other than article pages, queued. */
  private Group<Outcome> others(
      ExecutorService pool,
      List<Page> pages,
      SitePlanner.Plan plan,
      BodyHtml bodyHtml,
      @Nullable Incremental inc) {
    List<Callable<Outcome>> tasks = new ArrayList<>(pages.size());
    for (Page page : pages) {
      tasks.add(() -> page(page, plan, bodyHtml, inc));
    }
    return new Group<>(pool, tasks);
  }

  /** Builds the site from articles already read, taking their bodies from {@code bodies}. */
  SiteReport generate(List<Article> articles, BodyLoader bodies) throws IOException {
    return generate(articles, bodies, Map.of());
  }

  /**
   * Builds the site; {@code images} maps original image URLs to the archived copies' paths (under
   * {@code images/} in the archive and in the site).
   */
  SiteReport generate(List<Article> articles, BodyLoader bodies, Map<String, String> images)
      throws IOException {
    try (SiteLock lock = SiteLock.take(options.output(), reporter)) {
      return generate(articles, bodies, images, null, null);
    }
  }

  /**
   * Builds the site as {@link #generate(List, BodyLoader, Map)} does; {@code files} are the
   * archive's files the articles were read from (see {@link ArchiveIndex.Contents#files}), null
   * when not known; {@code checked}, the site state this run already read, if it did.
   */
  private SiteReport generate(
      List<Article> articles,
      BodyLoader bodies,
      Map<String, String> images,
      @Nullable List<ArchiveIndex.FileStamp> files,
      @Nullable Checked checked)
      throws IOException {
    long start = System.nanoTime();
    @Nullable Path cacheFolder = options.cache();
    // the previous build's cache is read while the site is planned (both take a few 100 ms at 10k)
    @Nullable FutureTask<BuildCache> cacheLoad = null;
    String key = "";
    byte[] inputs = new byte[0];
    byte[] planned = new byte[0];
    Map<Path, Keyed> keyed = Map.of();
    SiteState.@Nullable Sources sources = null;
    // each record digested once, for the inputs and then for the pages that show it
    var memo = new Fingerprint.Memo(options.archive(), 2 * articles.size() + 1024);
    if (cacheFolder != null) {
      key = cacheKey();
      String cacheKey = key;
      cacheLoad = started("site-gen-cache-load", () -> BuildCache.load(cacheFolder, cacheKey));
      // made from what the last complete build was made from, over the files it left: nothing
      // would change, so nothing is planned, fingerprinted or rendered (the cache being loaded
      // meanwhile is then not needed)
      List<SiteState.Output> imageStamps = imageStamps(new TreeSet<>(images.values()));
      Digests digests = inputs(articles, bodies, images, imageStamps, memo);
      inputs = digests.inputs();
      planned = digests.plan();
      keyed = digests.articles();
      sources =
          files == null
              ? null
              : new SiteState.Sources(
                  root(), SiteState.Sources.currentJdk(), files, articles.size(), imageFiles());
      @Nullable SiteState state =
          checked != null ? checked.state() : SiteState.load(cacheFolder, stateKey(), inputs);
      if (state != null && Arrays.equals(state.inputs(), inputs) && state.intact(options.output())) {
        if (sources != null && !sources.equals(state.sources())) {
          state.with(sources).save(cacheFolder); // the next build can tell this without the index
        }
        return unchangedReport(state, articles.size(), start);
      }
      SiteState.forget(cacheFolder); // this build may change the site: no state until it is done
    }
    SitePlanner.Plan plan = plan(articles, images, key, planned);
    plan.pages().stream().map(Page::template).distinct().forEach(theme::template);
    List<String> userStatics = theme.userStaticPaths(); // (walked once: checked, then copied)
    refuseStaticFilesOverPages(plan, images, userStatics);

    Path output = options.output();
    folders = Folders.of(output);
    Counts counts = new Counts();
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    @Nullable Incremental incremental = null;
    try {
      if (cacheLoad != null) {
        incremental = new Incremental(await(cacheLoad), plan, memo, planned, keyed);
        incremental.identify(bodies, pool);
      }
      Incremental inc = incremental;
      Map<String, Integer> uses = new HashMap<>();
      for (Page page : plan.pages()) {
        page.bodies().forEach(body -> uses.merge(body, 1, Integer::sum));
      }
      if (inc != null && cacheFolder != null) {
        inc.storeBodies(cacheFolder, plan.pages());
      }
      BodyHtml bodyHtml =
          new BodyHtml(
              markdown,
              plan.links(),
              bodies,
              reporter,
              inc == null ? null : inc::rendered,
              uses,
              inc == null ? null : inc::stored);
      // article pages first, a batch at a time: each body is parsed once for its page, its reading
      // time and its search entry, and memory holds one batch of search terms, never the archive's
      List<Page> articlePages = new ArrayList<>();
      List<Page> otherPages = new ArrayList<>();
      for (Page page : plan.pages()) {
        (page.template().equals(ARTICLE) ? articlePages : otherPages).add(page);
      }
      // one document per article page; with a build cache, whether the previous build's shards of
      // the frozen documents still hold is known before rendering (see writeIndex)
      @Nullable SearchIndex index = null;
      if (options.makes(PageKind.SEARCH)) {
        index =
            new SearchIndex(
                articlePages.size(), inc != null && inc.planSearch(articlePages, pool));
      }
      SearchIndex.@Nullable Vocabulary words = index == null ? null : new SearchIndex.Vocabulary();
      int total = plan.pages().size();
      List<List<Page>> showing = byLastBatch(articlePages, otherPages);
      List<Group<Outcome>> results = new ArrayList<>();
      // the next batch is queued before this one's entries go into the search index (on this
      // thread, in page order): the pool renders while the index grows, two batches at most
      Group<Rendered> batch = submit(pool, articlePages, 0, plan, bodyHtml, words, inc);
      for (int from = 0; from < articlePages.size(); from += BATCH) {
        Group<Rendered> next = submit(pool, articlePages, from + BATCH, plan, bodyHtml, words, inc);
        for (Rendered done : batch.results()) {
          counts.add(done.outcome());
          if (index != null) {
            index.add(
                done.path(), done.title(), done.date(), done.snippet(), done.terms(), done.docKey());
          }
          reporter.progress("pages", counts.total(), total);
        }
        // the pages showing bodies this batch was the last to parse (reading views, feeds): made
        // now, so that each body is kept only from its article page to the last page showing it,
        // not until every article page is done (at 10k articles: ~140 MB of HTML)
        results.add(others(pool, showing.get(from / BATCH), plan, bodyHtml, inc));
        batch = next;
      }
      results.add(others(pool, showing.get(showing.size() - 1), plan, bodyHtml, inc));
      for (Group<Outcome> group : results) {
        for (Outcome outcome : group.results()) {
          counts.add(outcome);
          reporter.progress("pages", counts.total(), total);
        }
      }
      if (inc != null) {
        inc.closeStore(); // every body shown
      }
      if (index != null) {
        writeIndex(index, counts, inc);
      }
    } finally {
      stop(pool);
      if (incremental != null && incremental.store != null) {
        incremental.store.close(); // (already closed unless the build failed)
      }
    }
    for (Map.Entry<String, byte[]> file : extraFiles(userStatics).entrySet()) {
      counts.add(writeOther(file.getKey(), file.getValue(), incremental));
    }
    for (String path : userStatics) {
      counts.add(copyOther(path, theme.userStaticFile(path), incremental));
    }
    for (String image : new TreeSet<>(images.values())) {
      // archived images keep their archive path in the site: images/ab/ab12….webp
      Path source = options.archive().resolve(image);
      if (Files.isRegularFile(source)) {
        counts.add(copyOther(image, source, incremental));
      }
    }
    noteMissingSitemap();
    if (incremental != null && cacheFolder != null) {
      counts.removed = incremental.removeStale();
      BuildCache next = incremental.next;
      @Nullable FutureTask<@Nullable Void> cacheSaved = null;
      if (counts.written > 0
          || counts.removed > 0
          || incremental.changed
          || !incremental.previous.outputs().equals(next.outputs())) {
        // (when none of this holds, the file already says what the cache holds) written on
        // another thread while the site state is made below (each output's size and time, sorted
        // by path): both only read the finished build's entries, and take ~0.25 s each at 100,000
        // articles, at the end of every update
        cacheSaved =
            started(
                "site-gen-save-cache",
                () -> {
                  next.save(cacheFolder);
                  return null;
                });
      }
      SiteState state = SiteState.of(stateKey(), inputs, output, plan.pages(), next, sources);
      if (cacheSaved != null) {
        await(cacheSaved); // the state is written after the cache, as it was before
      }
      state.save(cacheFolder);
    }
    return new SiteReport(
        articles.size(),
        counts.written,
        counts.unchanged,
        output,
        Duration.ofNanos(System.nanoTime() - start),
        counts.skipped,
        counts.removed);
  }

  /** What happened to one output file. */
  private enum Outcome {
    WRITTEN,
    UNCHANGED,
    /** Not rendered: its inputs are those of the previous build, and its file is as it left it. */
    SKIPPED
  }

  /** Files written, left as they were, and not even rendered. */
  private static final class Counts {
    int written;
    int unchanged;
    int skipped;
    int removed;

    void add(Outcome outcome) {
      switch (outcome) {
        case WRITTEN -> written++;
        case UNCHANGED -> unchanged++;
        case SKIPPED -> {
          unchanged++;
          skipped++;
        }
      }
    }

    int total() {
      return written + unchanged;
    }
  }

  /**
   * An article page done, with its search entry ({@code terms} empty when search is off, null for
   * a frozen document whose shards are carried; {@code title}, {@code date} and {@code snippet} null
   * for one whose document-table chunk is carried with them) and that entry's key ({@link
   * Incremental#docKey}; empty without a build cache).
   */
  private record Rendered(
      String path,
      Outcome outcome,
      @Nullable String title,
      @Nullable String date,
      @Nullable String snippet,
      SearchIndex.@Nullable Terms terms,
      byte[] docKey) {
    /** An article page done, without a search entry. */
    Rendered(String path, Outcome outcome) {
      this(path, outcome, "", "", "", SearchIndex.Terms.NONE, new byte[0]);
    }

    /** An article page done, with its search entry. */
    Rendered(String path, Outcome outcome, BuildCache.DocEntry doc) {
      this(path, outcome, doc.title(), doc.date(), doc.snippet(), doc.terms(), doc.key());
    }
  }

  /**
   * Renders and writes an article page (unless the build cache shows it would come out the same),
   * parsing its body once for the page and the search entry.
   */
  private Rendered article(
      Page page,
      SitePlanner.Plan plan,
      BodyHtml bodyHtml,
      SearchIndex.@Nullable Vocabulary words,
      @Nullable Incremental inc)
      throws IOException {
    boolean search = words != null;
    Article a = plan.articles().get(page.path());
    byte @Nullable [] fingerprint = inc == null ? null : inc.fingerprint(page);
    if (inc != null && inc.unchanged(page, fingerprint)) {
      if (!search) {
        return new Rendered(page.path(), Outcome.SKIPPED);
      }
      BuildCache.DocEntry doc = inc.doc(page.path(), a);
      if (doc == null) {
        doc = doc(page, a, bodyHtml.parse(a, page.path(), true), words, inc);
      }
      return new Rendered(page.path(), Outcome.SKIPPED, doc);
    }
    // a page shown again (a neighbour or a link changed) whose search entry holds: no text needed
    BuildCache.@Nullable DocEntry kept = search && inc != null ? inc.doc(page.path(), a) : null;
    BodyHtml.Parsed body = bodyHtml.parse(a, page.path(), search && kept == null);
    byte[] bytes = render(page, plan, bodyHtml);
    Outcome outcome = write(page.path(), bytes);
    if (inc != null) {
      inc.done(page, fingerprint, bytes);
    }
    if (!search) {
      return new Rendered(page.path(), outcome);
    }
    BuildCache.DocEntry doc = kept != null ? kept : doc(page, a, body, words, inc);
    return new Rendered(page.path(), outcome, doc);
  }

  /** A page other than an article's: rendered and written unless the cache shows no change. */
  private Outcome page(
      Page page, SitePlanner.Plan plan, BodyHtml bodyHtml, @Nullable Incremental inc)
      throws IOException {
    byte @Nullable [] fingerprint = inc == null ? null : inc.fingerprint(page);
    if (inc != null && inc.unchanged(page, fingerprint)) {
      return Outcome.SKIPPED;
    }
    byte[] bytes = render(page, plan, bodyHtml);
    Outcome outcome = write(page.path(), bytes);
    if (inc != null) {
      inc.done(page, fingerprint, bytes);
    }
    return outcome;
  }

  /**
   * The view of the article an article page shows, as its model holds it (its dates formatted once,
   * when the site was planned), or null for a page without one.
   */
  private static @Nullable ArticleView view(Page page) {
    return page.model().get("article") instanceof ArticleView view ? view : null;
  }

  /** An article's date as its page's {@code view} shows it (formatted again only without one). */
  private DateView published(@Nullable ArticleView view, Article a) {
    return view != null ? view.date() : dates.date(a.date());
  }

  /** The search entry of an article whose body was just parsed with its text. */
  private BuildCache.DocEntry doc(
      Page page,
      Article a,
      BodyHtml.Parsed body,
      SearchIndex.Vocabulary words,
      @Nullable Incremental inc) {
    String snippet =
        a.summary().isBlank() ? MarkdownRenderer.cut(body.text(), 200) : a.summary().strip();
    if (snippet.length() > 200) {
      snippet = snippet.substring(0, 199).strip() + "…";
    }
    String text =
        String.join(
            " ",
            a.title(),
            a.subtitle(),
            String.join(" ", a.tags()),
            String.join(" ", a.authors()),
            a.summary(),
            body.text());
    var doc =
        new BuildCache.DocEntry(
            inc == null ? new byte[0] : inc.docKey(page.path(), a),
            a.title(),
            published(view(page), a).date(),
            snippet,
            words.terms(SearchIndex.terms(text)));
    if (inc != null) {
      inc.changed = true;
      inc.next.doc(page.path(), doc);
    }
    return doc;
  }

  /**
   * What the build cache knows: the previous build ({@code previous}) and this one ({@code next},
   * filled as pages are rendered or found unchanged, saved at the end).
   */
  private final class Incremental {
    final BuildCache previous;
    final BuildCache next;
    final SitePlanner.Plan plan;
    /** The digest of each article's body, by the path of its page. */
    final Map<String, byte[]> identities = new ConcurrentHashMap<>();
    /** Each record digested once: article views show on many pages. */
    final Fingerprint.Memo memo;
    /** Whether something was learnt that the previous cache does not hold (a body, an entry). */
    volatile boolean changed;

    /** Each article page's search-entry key ({@link #docKey}), made before rendering. */
    final Map<String, byte[]> docKeys = new HashMap<>();

    /** The pages of the search index's frozen documents, in the order added (see planSearch). */
    final Set<String> frozenPages = new LinkedHashSet<>();

    /**
     * Those of them in the document table's chunks of frozen documents only ({@link
     * SearchIndex#frozenChunks}): their entries' title, date and snippet are kept in the frozen
     * terms file, not in the build cache.
     */
    final Set<String> chunkPages = new HashSet<>();

    /** Their digest ({@link SearchIndex#frozenDigest}). */
    byte[] frozenDigest = new byte[0];

    /** The first terms of the previous build's frozen shards, when they hold; else null. */
    @Nullable List<String> carriedShards;

    /** The previous builds' terms of frozen documents, loaded when the shards must be made. */
    Map<String, FrozenTerms.Doc> frozenTerms = Map.of();

    /** The rendered bodies kept between builds; null until {@link #storeBodies}. */
    @Nullable BodyStore store;

    /**
     * Whether the previous build planned its pages from what this one does ({@link Digests#plan}):
     * then a page's fingerprint differs from the previous one only through the bodies it shows.
     */
    final boolean samePlan;

    /** The article pages whose bodies a feed shows: those the store keeps. */
    Set<String> fed = Set.of();

    /** What {@link Digests#articles} gave: each article's search-entry key, made with the inputs. */
    private final Map<Path, Keyed> keyed;

    Incremental(
        BuildCache previous,
        SitePlanner.Plan plan,
        Fingerprint.Memo memo,
        byte[] planned,
        Map<Path, Keyed> keyed) {
      this.keyed = keyed;
      this.previous = previous;
      this.memo = memo;
      this.next = new BuildCache(previous.key());
      this.plan = plan;
      this.samePlan = planned.length > 0 && Arrays.equals(previous.plan(), planned);
      next.plan(planned);
      changed = !samePlan; // the cache file learns the new plan digest
    }

    /** Reads every body's identity (in parallel) and keeps what the cache knows of it. */
    void identify(BodyLoader bodies, ExecutorService pool) throws IOException {
      List<Map.Entry<String, Article>> all = new ArrayList<>(plan.articles().entrySet());
      List<Future<?>> done = new ArrayList<>();
      // a task per 256 articles, not per article: an identity is often a map lookup (taken from
      // the archive index), cheaper than a task's queueing
      for (int from = 0; from < all.size(); from += 256) {
        List<Map.Entry<String, Article>> chunk = all.subList(from, Math.min(all.size(), from + 256));
        done.add(
            pool.submit(
                () -> {
                  for (Map.Entry<String, Article> e : chunk) {
                    byte[] identity = bodies.identity(e.getValue());
                    identities.put(e.getKey(), identity);
                    BuildCache.BodyEntry known = previous.body(e.getKey());
                    if (known != null && Arrays.equals(known.identity(), identity)) {
                      next.body(e.getKey(), known);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        await(f);
      }
    }

    /**
     * Keeps the bodies that the feeds among {@code pages} show in the {@link BodyStore} in {@code
     * folder}, and takes them from there: when an article arrives, the feeds showing it are made
     * again with bodies whose article pages are unchanged.
     */
    void storeBodies(Path folder, List<Page> pages) {
      Set<String> shownByFeeds = new HashSet<>();
      for (Page page : pages) {
        if (page.template().endsWith(".ftlx")) {
          shownByFeeds.addAll(page.bodies());
        }
      }
      fed = shownByFeeds;
      store = BodyStore.open(folder, previous.key());
    }

    /** Called by {@link BodyHtml} for every body it renders. */
    void rendered(BodyHtml.Rendering body) {
      byte[] identity = identities.get(body.articlePage());
      changed = true;
      if (identity != null) {
        BodyStore.@Nullable Location stored = null;
        BodyStore bodyStore = store;
        if (bodyStore != null && body.marked() != null && fed.contains(body.articlePage())) {
          stored =
              bodyStore.append(
                  body.articlePage(), identity, targets(body.destinations()), body.marked());
        }
        next.body(
            body.articlePage(),
            new BuildCache.BodyEntry(identity, body.minutes(), body.destinations(), stored));
      }
    }

    /**
     * The body of the article whose page is {@code articlePage} as an earlier build rendered it,
     * when the store has it for the body's bytes now and its links lead where they did; else null.
     */
    BodyHtml.@Nullable Body stored(String articlePage) {
      BodyStore bodyStore = store;
      BuildCache.BodyEntry entry = next.body(articlePage);
      byte[] identity = identities.get(articlePage);
      if (bodyStore == null
          || entry == null
          || entry.stored() == null
          || identity == null
          || !Arrays.equals(entry.identity(), identity)) {
        return null;
      }
      String html =
          bodyStore.read(entry.stored(), articlePage, identity, targets(entry.destinations()));
      return html == null ? null : new BodyHtml.Body(html, entry.minutes(), entry.destinations());
    }

    /** Where a body's links lead now (its HTML holds them as markers). */
    private byte[] targets(List<String> destinations) {
      var print = new Fingerprint();
      for (String destination : destinations) {
        print.add(plan.links().target(destination).orElse(""));
      }
      return print.bytes();
    }

    /**
     * Once every page is made: forgets the stored bodies no feed shows any more, drops their
     * records when they outweigh the others, and closes the store.
     */
    void closeStore() {
      BodyStore bodyStore = store;
      if (bodyStore == null) {
        return;
      }
      Map<String, BodyStore.Location> live = new LinkedHashMap<>();
      for (Map.Entry<String, BuildCache.BodyEntry> e : next.bodies().entrySet()) {
        BodyStore.@Nullable Location at = e.getValue().stored();
        if (at == null) {
          continue;
        }
        if (fed.contains(e.getKey())) {
          live.put(e.getKey(), at);
        } else {
          next.body(e.getKey(), e.getValue().at(null));
          changed = true;
        }
      }
      Map<String, BodyStore.Location> now = bodyStore.compact(live);
      if (now != live) {
        live.forEach((page, at) -> next.body(page, next.body(page).at(now.get(page))));
        changed = true;
      }
      bodyStore.close();
    }

    /**
     * Whether the page's inputs, whose {@link #fingerprint} is given (null: not known yet), are
     * those the previous build rendered it from, and its file is still the one that build wrote;
     * if so it is carried over into the next cache.
     */
    boolean unchanged(Page page, byte @Nullable [] fingerprint) throws IOException {
      BuildCache.@Nullable PageEntry entry = intact(page.path(), fingerprint);
      if (entry == null) {
        return false;
      }
      next.page(page.path(), entry);
      return true;
    }

    /**
     * The previous build's entry for the file at {@code path} (with the file's time now) when its
     * fingerprint was {@code fingerprint} and the file is still the one that build wrote; else null.
     */
    BuildCache.@Nullable PageEntry intact(String path, byte @Nullable [] fingerprint)
        throws IOException {
      BuildCache.PageEntry old = previous.page(path);
      if (old == null || fingerprint == null || !old.sameFingerprint(fingerprint)) {
        return null;
      }
      Path file = target(path);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (IOException e) {
        return null; // deleted since: render it
      }
      if (!attributes.isRegularFile() || attributes.size() != old.size()) {
        return null;
      }
      long time = attributes.lastModifiedTime().toMillis();
      if (time != old.modified()) {
        // a tool that copied or restored the site without its times (or an edit keeping the size):
        // the file is the one written if its bytes are
        if (ContentCheck.of(file) != old.check()) {
          return null;
        }
        changed = true;
        old = old.at(time);
      }
      return old;
    }

    /**
     * The first terms of the frozen documents' shards the previous build made, when it made them
     * from the same documents ({@code frozen}: {@link SearchIndex#frozenDigest}, of an index of
     * {@code documents}) and each file is as it left it, as is each of the document table's chunks
     * of frozen documents only ({@link SearchIndex#frozenChunks}); they are then carried into the
     * next cache. Null when they must be made.
     */
    @Nullable List<String> carry(byte[] frozen, int documents) throws IOException {
      BuildCache.@Nullable SearchEntry old = previous.search();
      if (old == null || !Arrays.equals(old.frozen(), frozen)) {
        return null;
      }
      List<String> paths = new ArrayList<>();
      for (int n = 0; n < old.shards().size(); n++) {
        paths.add(SearchIndex.shardPath(n));
      }
      paths.addAll(SearchIndex.frozenChunkPaths(documents));
      Map<String, BuildCache.PageEntry> carried = new LinkedHashMap<>();
      for (String path : paths) {
        BuildCache.@Nullable PageEntry entry = intact(path, shardFingerprint(frozen, path));
        if (entry == null) {
          return null; // all or none: the shards are made again, and compared with these files
        }
        carried.put(path, entry);
      }
      carried.forEach(next::page);
      return old.shards();
    }

    /** What a frozen shard's file is made from: the frozen documents, and which shard it is. */
    static byte[] shardFingerprint(byte[] frozen, String path) {
      return new Fingerprint().add("search shard").add(frozen).add(path).bytes();
    }

    /**
     * Records a page just rendered and written (or found with the right bytes); its fingerprint
     * as taken before rendering, or null when its bodies were not known then (they are now), and
     * the bytes of its file.
     */
    void done(Page page, byte @Nullable [] before, byte[] bytes) throws IOException {
      byte[] fingerprint = before != null ? before : fingerprint(page);
      if (fingerprint == null) {
        changed = true;
        return; // a body was not rendered by this build: cannot tell, render it next time
      }
      done(page.path(), fingerprint, bytes);
    }

    /** Records a file just written (or found with these bytes), made from {@code fingerprint}. */
    void done(String path, byte[] fingerprint, byte[] bytes) throws IOException {
      changed = true;
      BasicFileAttributes attributes = Files.readAttributes(target(path), BasicFileAttributes.class);
      next.page(
          path,
          new BuildCache.PageEntry(
              fingerprint,
              attributes.size(),
              attributes.lastModifiedTime().toMillis(),
              ContentCheck.of(bytes, 0, bytes.length)));
    }

    /**
     * The digest of everything the page is made from: its path, template and model, and for each
     * article body it shows, the body itself (its identity), the article's front matter and where
     * each of the body's links leads now. Null when a body's links are not known yet.
     */
    byte @Nullable [] fingerprint(Page page) {
      if (samePlan) {
        // the same pages with the same models as the previous build's, where each link leads as it
        // did: a page showing only bodies with the identities it showed then has the fingerprint it
        // had then (what the body gave, its minutes and destinations, is the cache's entry for it)
        BuildCache.@Nullable PageEntry old = previous.page(page.path());
        if (old != null && bodiesAsBefore(page)) {
          return old.fingerprint();
        }
      }
      var print = new Fingerprint(memo).add(page.path()).add(page.template()).add(page.model());
      for (String articlePage : page.bodies()) {
        Article article = plan.articles().get(articlePage);
        byte[] identity = identities.get(articlePage);
        BuildCache.BodyEntry body = next.body(articlePage);
        if (identity == null || body == null || !Arrays.equals(body.identity(), identity)) {
          return null;
        }
        print.add(articlePage).add(identity).add(article).add(body.minutes());
        print.add(plan.links().images().absoluteLead(article.image()));
        for (String destination : body.destinations()) {
          print.add(plan.links().target(destination).orElse(""));
        }
      }
      return print.bytes();
    }

    /**
     * Whether each body the page shows has the identity it had in the previous build. (Then {@link
     * #identify} carried the previous build's entry for it into the next cache, and any entry a
     * rendering puts there since is for the same identity: what the fingerprint took from it, its
     * minutes and destinations, is as it was.)
     */
    private boolean bodiesAsBefore(Page page) {
      for (String articlePage : page.bodies()) {
        byte[] identity = identities.get(articlePage);
        BuildCache.BodyEntry before = previous.body(articlePage);
        if (identity == null || before == null || !Arrays.equals(before.identity(), identity)) {
          return false;
        }
      }
      return true;
    }

    /** The key of an article's search entry: its body and front matter. */
    byte[] docKey(String articlePage, Article article) {
      byte[] known = docKeys.get(articlePage);
      if (known != null) {
        return known;
      }
      byte[] identity = identities.get(articlePage);
      Keyed made = keyed.get(article.file());
      if (made != null && identity != null && Arrays.equals(made.identity(), identity)) {
        return made.digest(); // digested with the build's inputs
      }
      return Keyed.of(memo, identity == null ? new byte[0] : identity, article).digest();
    }

    /**
     * The search entry the previous build made for this article, if it still holds, with its
     * terms unless it is a frozen document whose shards are carried; null when it does not hold or
     * its terms are needed and lost.
     */
    BuildCache.@Nullable DocEntry doc(String articlePage, Article article) {
      BuildCache.DocEntry doc = previous.doc(articlePage);
      byte[] key = docKey(articlePage, article);
      if (doc == null || !Arrays.equals(doc.key(), key)) {
        return null;
      }
      boolean carried = carriedShards != null && frozenPages.contains(articlePage);
      boolean needsShown = !doc.shown() && !(carried && chunkPages.contains(articlePage));
      if (doc.terms() == null && !carried || needsShown) {
        // a frozen document's, in the frozen terms file (else the body is parsed again)
        FrozenTerms.Doc kept = frozenTerms.get(articlePage);
        if (kept == null || !Arrays.equals(kept.key(), key)) {
          return null;
        }
        doc = new BuildCache.DocEntry(key, kept.title(), kept.date(), kept.snippet(), kept.terms());
      }
      next.doc(articlePage, doc);
      return doc;
    }

    /**
     * Before rendering: each article page's search-entry key, the frozen documents' digest, and
     * whether the previous build's shards of them still hold (then their files are carried into
     * the next cache, and their terms are not needed); else the previous builds' terms of frozen
     * documents are loaded, so that unchanged bodies need not be parsed for them. True when the
     * shards are carried.
     */
    boolean planSearch(List<Page> articlePages, ExecutorService pool) throws IOException {
      int n = articlePages.size();
      List<String> paths = new ArrayList<>(n);
      byte[][] made = new byte[n][];
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < n; from += 1024) {
        int start = from;
        int end = Math.min(n, from + 1024);
        done.add(
            pool.submit(
                () -> {
                  for (int i = start; i < end; i++) {
                    String path = articlePages.get(i).path();
                    made[i] = docKey(path, plan.articles().get(path));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        await(f);
      }
      for (int i = 0; i < n; i++) {
        String path = articlePages.get(i).path();
        docKeys.put(path, made[i]);
        paths.add(path);
        if (SearchIndex.frozen(i, n)) {
          frozenPages.add(path);
          if (SearchIndex.inFrozenChunk(i, n)) {
            chunkPages.add(path);
          }
        }
      }
      List<byte[]> keys = Arrays.asList(made);
      frozenDigest = SearchIndex.frozenDigest(paths, keys);
      carriedShards = carry(frozenDigest, n);
      if (carriedShards == null && previous.search() != null) {
        frozenTerms = FrozenTerms.load(cacheFolder(), previous.key());
      }
      return carriedShards != null;
    }

    /**
     * After the index is written: the frozen documents' terms (and, for those of the document
     * table's chunks of frozen documents only, their title, date and snippet) go to the frozen
     * terms file when those files were made (they are in it already when carried), not into the
     * next cache.
     */
    void keepFrozenTerms() throws IOException {
      List<FrozenTerms.Doc> kept = new ArrayList<>(frozenPages.size());
      for (String page : frozenPages) {
        BuildCache.DocEntry doc = next.doc(page);
        if (doc == null) {
          continue;
        }
        if (carriedShards == null && doc.terms() != null && doc.shown()) {
          kept.add(
              new FrozenTerms.Doc(
                  page, doc.key(), doc.terms(), doc.title(), doc.date(), doc.snippet()));
        }
        BuildCache.DocEntry stripped = doc.withTerms(null);
        next.doc(page, chunkPages.contains(page) ? stripped.withoutShown() : stripped);
      }
      if (carriedShards == null) {
        FrozenTerms.save(cacheFolder(), next.key(), kept);
        changed = true;
      }
    }

    private Path cacheFolder() {
      return requireNonNull(options.cache(), "cache folder");
    }

    /** Deletes the files the previous build wrote that this one did not make; how many. */
    int removeStale() throws IOException {
      // what is left of the previous build's files (few, if any), in path order
      Set<String> stale = new TreeSet<>();
      for (String path : previous.outputs()) {
        if (!next.isOutput(path)) {
          stale.add(path);
        }
      }
      int removed = 0;
      for (String path : stale) {
        Path file = target(path);
        if (Files.deleteIfExists(file)) {
          removed++;
          // and the folders that held only it (never the output folder itself)
          for (Path dir = file.getParent();
              dir != null && dir.startsWith(outputRoot) && !dir.equals(outputRoot);
              dir = dir.getParent()) {
            try (var entries = Files.list(dir)) {
              if (entries.findAny().isPresent()) {
                break;
              }
            }
            Files.delete(dir);
          }
        }
      }
      return removed;
    }
  }

  /**
   * The plan of the site: the one {@link #memory} holds when it was made for this archive folder,
   * key and plan digest (the same pages with the same models), else a new one, which it then holds.
   */
  private SitePlanner.Plan plan(
      List<Article> articles, Map<String, String> images, String key, byte[] planned) {
    Memory kept = memory;
    Memory.@Nullable Planned last = kept == null ? null : kept.last;
    // (the plan digest takes files by their path in the archive; the plan holds them by theirs)
    String archive = root();
    if (last != null
        && planned.length > 0
        && last.archive().equals(archive)
        && last.key().equals(key)
        && Arrays.equals(last.digest(), planned)) {
      kept.reused.incrementAndGet();
      return last.plan();
    }
    SitePlanner.Plan plan = new SitePlanner(options, theme.labels()).plan(articles, images);
    if (kept != null) {
      kept.last = planned.length > 0 ? new Memory.Planned(archive, key, planned, plan) : null;
    }
    return plan;
  }

  /**
   * The digests of a build's inputs besides {@link #cacheKey}.
   *
   * @param inputs of everything the site is made from: every article (front matter, and its body by
   *     its identity), the archived images (which, and each file's size and time) and the JDK (its
   *     locale and time-zone data shape dates)
   * @param plan of what its pages are planned from: every article's front matter, which images are
   *     archived, and the JDK (not the bodies: the same plan digest and key give the same pages with
   *     the same models, see {@link Incremental#fingerprint})
   * @param articles each article's body identity and its digest with the article ({@link
   *     Incremental#docKey}), by the article's file: the plan's article for that file is the one
   *     digested, or (a plan kept in {@link Memory}, made for the same plan digest) an equal one
   */
  private record Digests(byte[] inputs, byte[] plan, Map<Path, Keyed> articles) {}

  /** An article's body identity, and the digest of that identity and the article. */
  private record Keyed(byte[] identity, byte[] digest) {
    /** The key of an article's search entry ({@link Incremental#docKey}): its body and front matter. */
    static Keyed of(Fingerprint.Memo memo, byte[] identity, Article article) {
      return new Keyed(identity, new Fingerprint(memo).add(identity).add(article).bytes());
    }
  }

  /** The digests of the build's inputs: see {@link Digests}. */
  private Digests inputs(
      List<Article> articles,
      BodyLoader bodies,
      Map<String, String> images,
      List<SiteState.Output> imageStamps,
      Fingerprint.Memo memo)
      throws IOException {
    // each article digested on its own, in parallel, the digests added in order; each digest is
    // also the article's search-entry key (Incremental#docKey)
    List<Keyed> each;
    try {
      each =
          articles.parallelStream()
              .map(
                  article -> {
                    try {
                      return Keyed.of(memo, bodies.identity(article), article);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<Path, Keyed> byArticle = new HashMap<>(2 * articles.size());
    List<byte[]> digests = new ArrayList<>(each.size());
    for (int i = 0; i < each.size(); i++) {
      byArticle.put(articles.get(i).file(), each.get(i));
      digests.add(each.get(i).digest());
    }
    var print = new Fingerprint(memo);
    print.add(SiteState.Sources.currentJdk());
    print.add(digests);
    print.add(images);
    print.add(imageStamps);
    // each article's digest is in the memo by now
    byte[] plan =
        new Fingerprint(memo)
            .add("plan")
            .add(SiteState.Sources.currentJdk())
            .add(articles)
            .add(images)
            .bytes();
    return new Digests(print.bytes(), plan, byArticle);
  }

  /**
   * Whether {@code folder} is {@code root} or lies inside it, by name or through links (followed
   * as far as the folders exist).
   */
  private static boolean within(Path folder, Path root) {
    Path absolute = folder.toAbsolutePath().normalize();
    return absolute.startsWith(root) || real(absolute).startsWith(real(root));
  }

  /** {@code path} with the links of its longest existing part followed; absolute and normal. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    for (Path existing = absolute; existing != null; existing = existing.getParent()) {
      try {
        return existing.toRealPath().resolve(existing.relativize(absolute));
      } catch (IOException e) {
        // not there (yet): try its parent
      }
    }
    return absolute;
  }

  /** Whether {@code folder} and {@code other} are one folder, by name or through links. */
  private static boolean sameFolder(Path folder, Path other) {
    return real(folder).equals(real(other));
  }

  private void noteMissingSitemap() {
    if (options.baseUrl() == null) {
      reporter.info("no sitemap.xml: a sitemap needs absolute URLs, and no base URL is set");
    }
  }

  /**
   * What every page depends on besides its own inputs: this code, the theme, the labels and the
   * options. A cache made under another key is not used.
   */
  private String cacheKey() throws IOException {
    if (cacheKey == null) {
      cacheKey = key();
    }
    return cacheKey;
  }

  /**
   * The site state's key: the build cache's ({@link #cacheKey}) and the user theme's static files,
   * which a build copies without rendering a page from them. A changed style sheet then makes the
   * next build copy it, and find every page as the build cache knows it.
   */
  private String stateKey() throws IOException {
    if (stateKey == null) {
      stateKey = new Fingerprint().add(cacheKey()).add(theme.staticIdentity()).hex();
    }
    return stateKey;
  }

  private String key() throws IOException {
    return new Fingerprint()
        .add(BuildCache.class.getName())
        .add(CodeIdentity.of(SiteGenerator.class))
        .add(theme.identity())
        .add(theme.labels().values())
        .add(options.title())
        .add(options.baseUrl() == null ? "" : options.baseUrl().toString())
        .add(options.locale().toLanguageTag())
        .add(options.zone().getId())
        .add(options.pageSize())
        .add(new TreeSet<>(options.disabled()).toString())
        .hex();
  }

  /**
   * Drops the pages not started yet and waits for those being written: nothing may write into the
   * output folder once {@link #generate} has returned or thrown.
   */
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // a page is still being written; rendering one takes milliseconds, so keep waiting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code task} running on a daemon thread of its own, called {@code name}: awaited later. */
  private static <T> FutureTask<T> started(String name, Callable<T> task) {
    var future = new FutureTask<>(task);
    Thread thread = new Thread(future, name);
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  private static <T> T await(Future<T> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rendering", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      } else if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      } else if (cause instanceof RuntimeException runtime) {
        throw runtime;
      } else if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Renders one page to bytes; safe to call from several threads. */
  private byte[] render(Page page, SitePlanner.Plan plan, BodyHtml bodyHtml) throws IOException {
    Map<String, String> html = new LinkedHashMap<>();
    Map<String, Integer> minutes = new HashMap<>();
    boolean htmlPage = page.template().endsWith(".ftlh");
    boolean several = page.bodies().size() > 1 && htmlPage;
    int n = 0;
    for (String articlePage : page.bodies()) {
      Article article = plan.articles().get(articlePage);
      // on a page showing several articles, heading ids must stay unique
      String idPrefix = several ? "a" + ++n + "-" : "";
      // a feed's content has its article page as xml:base; a page links from itself
      String from = htmlPage ? page.path() : articlePage;
      BodyHtml.Shown shown = bodyHtml.show(article, articlePage, from, idPrefix);
      html.put(articlePage, shown.html());
      minutes.put(articlePage, shown.minutes());
    }
    Map<String, @Nullable Object> model = new HashMap<>(page.model());
    model.put("bodies", html);
    model.put("minutes", minutes);
    if (page.template().equals(ARTICLE)) {
      model.put(
          "jsonLd",
          jsonLd(plan.articles().get(page.bodies().get(0)), page, plan.links()));
    }
    model.put("site", site());
    model.put("path", page.path());
    model.put("canonical", canonical(page.path()));
    model.put("labels", theme.labels().values());
    model.put("url", new TemplateHelpers.Url(page.path()));
    model.put("msg", new TemplateHelpers.Msg(theme.labels()));
    model.put("count", new TemplateHelpers.Count(theme.labels()));
    model.put("on", on);
    if (page.template().endsWith(".ftlx")) {
      // XML 1.0 forbids most control characters, even escaped
      return XmlChars.strip(theme.render(page.template(), model)).getBytes(StandardCharsets.UTF_8);
    }
    return theme.renderUtf8(page.template(), model);
  }

  /**
   * The JSON-LD {@code NewsArticle} of an article page, pointing at the original; every string is
   * escaped so nothing in it can close the {@code <script>} element.
   */
  private String jsonLd(Article a, Page page, InternalLinks links) {
    String path = page.path();
    @Nullable ArticleView view = view(page);
    var json = new StringBuilder("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
    json.append(",\"headline\":").append(SearchIndex.json(a.title()));
    if (!a.subtitle().isEmpty()) {
      json.append(",\"alternativeHeadline\":").append(SearchIndex.json(a.subtitle()));
    }
    // the dates as the page's model shows them (formatted when the site was planned)
    json.append(",\"datePublished\":").append(SearchIndex.json(published(view, a).iso()));
    OffsetDateTime updated = a.updated();
    if (updated != null) {
      @Nullable DateView modified = view == null ? null : view.updated();
      json.append(",\"dateModified\":")
          .append(SearchIndex.json(modified != null ? modified.iso() : dates.iso(updated)));
    }
    String link = SitePlanner.webUrl(a.link());
    if (!link.isEmpty()) {
      json.append(",\"url\":").append(SearchIndex.json(link));
      json.append(",\"mainEntityOfPage\":").append(SearchIndex.json(link));
    }
    String canonical = canonical(path);
    if (canonical != null) {
      json.append(",\"archivedAt\":").append(SearchIndex.json(canonical));
    }
    String image = links.images().absoluteLead(a.image());
    if (!image.isEmpty()) {
      json.append(",\"image\":").append(SearchIndex.json(image));
    }
    if (!a.authors().isEmpty()) {
      json.append(",\"author\":[");
      for (int i = 0; i < a.authors().size(); i++) {
        json.append(i == 0 ? "" : ",")
            .append("{\"@type\":\"Person\",\"name\":")
            .append(SearchIndex.json(a.authors().get(i)))
            .append('}');
      }
      json.append(']');
    }
    if (!a.feed().isEmpty()) {
      json.append(",\"publisher\":{\"@type\":\"Organization\",\"name\":")
          .append(SearchIndex.json(a.feed()))
          .append('}');
    }
    if (!a.tags().isEmpty()) {
      json.append(",\"keywords\":").append(SearchIndex.json(String.join(", ", a.tags())));
    }
    json.append(",\"inLanguage\":").append(SearchIndex.json(options.locale().toLanguageTag()));
    return json.append('}').toString();
  }

  private Map<String, Object> site() {
    Map<String, Object> site = new HashMap<>();
    site.put("title", options.title());
    site.put("lang", options.locale().toLanguageTag());
    site.put("baseUrl", options.baseUrl() == null ? "" : options.baseUrl().toString());
    site.put("locale", options.locale().toString());
    return site;
  }

  private @Nullable String canonical(String path) {
    if (options.baseUrl() == null) {
      return null;
    }
    String base = options.baseUrl().toString();
    return (base.endsWith("/") ? base : base + "/") + RelativeUrls.pretty(path);
  }

  /**
   * The files besides pages made in memory: {@code .nojekyll}, {@code robots.txt} and the default
   * theme's static files, but for those the user's theme has at {@code userStatics} (a site's own
   * {@code robots.txt} too), which are copied from their files.
   */
  private Map<String, byte[]> extraFiles(List<String> userStatics) throws IOException {
    Set<String> user = new HashSet<>(userStatics);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(".nojekyll", new byte[0]);
    String robots = "User-agent: *\nAllow: /\n";
    String base = canonical("sitemap.xml");
    if (base != null) {
      robots += "\nSitemap: " + base + "\n";
    }
    files.put("robots.txt", robots.getBytes(StandardCharsets.UTF_8));
    files.keySet().removeAll(user);
    files.putAll(theme.defaultStaticFiles(user));
    return files;
  }

  /**
   * Copies {@code source} (a static file of the user's theme, an archived image) to {@code path}
   * of the site, a buffer at a time: a theme's static files may be large, and none is held in
   * memory. A file there that already has its bytes is left as it is.
   */
  private Outcome copyOther(String path, Path source, @Nullable Incremental inc)
      throws IOException {
    Path target = target(path);
    Outcome outcome;
    if (!requireNonNull(folders, "folders").ensure(target.getParent())
        && Files.isRegularFile(target)
        && Files.size(target) == Files.size(source)
        && Files.mismatch(source, target) == -1) {
      outcome = Outcome.UNCHANGED;
    } else {
      AtomicWrites.replace(target, out -> Files.copy(source, out));
      outcome = Outcome.WRITTEN;
    }
    if (inc != null) {
      inc.next.other(path);
    }
    return outcome;
  }

  /**
   * Fails, before anything is written, when a static file of the user's theme (one of {@code
   * statics}) is where the site makes a page, a search index file or an archived image: both
   * would be written, one over the other, on every build.
   */
  private void refuseStaticFilesOverPages(
      SitePlanner.Plan plan, Map<String, String> images, List<String> statics) {
    if (statics.isEmpty()) {
      return;
    }
    Set<String> made = new HashSet<>(images.values());
    for (Page page : plan.pages()) {
      made.add(page.path());
    }
    for (String path : statics) {
      if (made.contains(path)
          || options.makes(PageKind.SEARCH) && path.startsWith(SearchIndex.FOLDER)) {
        throw new SiteGenException(
            Problem.error(
                theme.userStaticFile(path).toString(),
                0,
                "the site makes "
                    + path
                    + " itself: change it through the theme's templates, or give this file"
                    + " another path"));
      }
    }
  }

  /** Writes a file that is not a page (theme files, search index, images), recording it. */
  private Outcome writeOther(String path, byte[] bytes, @Nullable Incremental inc)
      throws IOException {
    Outcome outcome = write(path, bytes);
    if (inc != null) {
      inc.next.other(path);
    }
    return outcome;
  }

  /**
   * Writes the search index. With a build cache, the frozen documents' shards ({@code t/}, most of
   * the index) and the document table's chunks of frozen documents only are carried over when the
   * previous build made them from the same documents and left each file as it wrote it (decided
   * before rendering: {@link Incremental#planSearch}): an update then makes only the recent
   * shards, the newest chunks of the document table and {@code meta.json}; else they are made, and
   * recorded with their fingerprint. Either way the frozen documents' terms then go
   * to {@link FrozenTerms}, not into the next build cache.
   */
  private void writeIndex(SearchIndex index, Counts counts, @Nullable Incremental inc)
      throws IOException {
    if (inc == null) {
      index.write((path, bytes) -> counts.add(writeOther(path, bytes, null)));
      return;
    }
    byte[] frozen = index.frozenDigest();
    if (!Arrays.equals(frozen, inc.frozenDigest)) {
      throw new IllegalStateException("the search documents are not those planned");
    }
    @Nullable List<String> carried = inc.carriedShards;
    Set<String> frozenFiles = new HashSet<>(SearchIndex.frozenChunkPaths(index.size()));
    if (carried != null) {
      carried.forEach(shard -> counts.add(Outcome.SKIPPED));
      frozenFiles.forEach(chunk -> counts.add(Outcome.SKIPPED));
    }
    List<String> shards =
        index.write(
            (path, bytes) -> {
              if (path.startsWith(SearchIndex.FROZEN_SHARDS) || frozenFiles.contains(path)) {
                Outcome outcome = write(path, bytes);
                inc.done(path, Incremental.shardFingerprint(frozen, path), bytes);
                counts.add(outcome);
              } else {
                counts.add(writeOther(path, bytes, inc));
              }
            },
            carried);
    inc.next.search(new BuildCache.SearchEntry(frozen, shards));
    inc.keepFrozenTerms();
  }

  /** The file of an output path, which must lie inside the output folder. */
  private Path target(String path) {
    Path target = outputRoot.resolve(path).normalize();
    if (!target.startsWith(outputRoot) || target.equals(outputRoot)) {
      throw new SiteGenException(
          Problem.error(path, 0, "output path: expected a file inside the site folder"));
    }
    return target;
  }

  /** Writes a file unless it already holds these bytes. */
  private Outcome write(String path, byte[] bytes) throws IOException {
    Path target = target(path);
    Folders made = requireNonNull(folders, "folders");
    // in a folder this build made, no file was there before: nothing to compare, nothing a reader
    // could have seen half replaced (a clean build)
    if (made.ensure(target.getParent())) {
      AtomicWrites.writeNew(target, bytes);
      return Outcome.WRITTEN;
    }
    if (Files.isRegularFile(target)
        && Files.size(target) == bytes.length
        && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return Outcome.UNCHANGED;
    }
    AtomicWrites.replaceInFolder(target, bytes);
    return Outcome.WRITTEN;
  }

  /**
   * The folders of the output folder that this build has made or found, each made or looked at
   * once, not for every file written into it; and for each, whether this build made it, so that a
   * file written there is known to be new. A clean build into a new output folder then writes a
   * page with a {@code mkdir} for its folder and the write itself: no look for a file that cannot
   * be there, nor for the folder (two {@code stat} calls a page, with the exceptions
   * {@code createDirectories} throws and catches).
   */
  static final class Folders {
    private final Map<Path, Boolean> known = new ConcurrentHashMap<>();
    private final Path root;

    private Folders(Path root, boolean made) {
      this.root = root;
      known.put(root, made);
    }

    /**
     * The folders of {@code output}, made if missing; counted as made by this build when it is
     * missing or empty.
     */
    static Folders of(Path output) throws IOException {
      Path root = output.toAbsolutePath().normalize();
      boolean made;
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.list(root)) {
          made = files.findAny().isEmpty();
        }
      } else {
        Files.createDirectories(root);
        made = true;
      }
      return new Folders(root, made);
    }

    /**
     * Makes {@code folder} (a folder of the output folder) unless this build has made or found it
     * already; true when this build made it (so that no file in it predates the build).
     */
    boolean ensure(Path folder) throws IOException {
      @Nullable Boolean made = known.get(folder);
      if (made != null) {
        return made;
      }
      Path parent = folder.getParent();
      if (parent == null || !folder.startsWith(root)) {
        throw new IllegalArgumentException(folder + " is not inside " + root);
      }
      boolean inNew = ensure(parent);
      boolean now;
      if (!inNew && Files.isDirectory(folder)) {
        now = false;
      } else {
        try {
          Files.createDirectory(folder);
          now = true;
        } catch (FileAlreadyExistsException e) {
          // made by another thread of this build, or a file in the way (the write then says so)
          now = false;
        }
      }
      known.putIfAbsent(folder, now);
      return now;
    }
  }
}

package io.github.sitegen.site;

import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.XmlChars;
import static java.util.Objects.requireNonNull;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ArchiveReader;
import io.github.sitegen.archive.Article;
import io.github.sitegen.markdown.MarkdownRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Renders the Markdown archive into a static site: article pages, paginated home, year/month/day
 * and tag indexes, Atom feed, sitemap, 404 page and the theme's assets. Configured once, then
 * thread-safe.
 *
 * <p>Every link between pages is relative, so the site works under any sub-path and from a local
 * folder. A file is written only when its bytes change, so a re-run over the same archive writes
 * nothing. Files no page produces any more are not deleted (the output folder may hold files that
 * are not ours).
 *
 * <pre>{@code
 * var options = SiteOptions.defaults(Path.of("articles"), Path.of("target/site"));
 * SiteReport report = new SiteGenerator(options, Reporter.silent()).generate();
 * }</pre>
 */
public final class SiteGenerator {
  private static final int MAX_THREADS = 8;

  /** Article pages rendered between two additions to the search index. */
  private static final int BATCH = 256;

  private static final String ARTICLE = "article.ftlh";

  private final SiteOptions options;
  private final Reporter reporter;
  private final Theme theme;
  private final SitePlanner dates;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final ArchiveReader archive = new ArchiveReader();

  /** For templates: which optional kinds of output this site has ({@code on.search}, …). */
  private final Map<String, Boolean> on;

  /**
   * A generator for one site.
   *
   * @throws SiteGenException when the theme folder is not a folder or a date pattern of its labels
   *     is missing or invalid
   */
  public SiteGenerator(SiteOptions options, Reporter reporter) {
    this.options = requireNonNull(options, "options");
    this.reporter = requireNonNull(reporter, "reporter");
    this.theme = new Theme(options.theme(), options.locale(), options.zone());
    Map<String, Boolean> kinds = new HashMap<>();
    for (PageKind kind : PageKind.values()) {
      kinds.put(kind.key(), options.makes(kind));
    }
    this.on = Map.copyOf(kinds);
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
   * Builds the site into {@link SiteOptions#output()}. An empty or missing archive gives a site
   * with no articles.
   *
   * @throws io.github.sitegen.SiteGenException on bad options or a broken template
   * @throws IOException when the archive cannot be read or the output written
   */
  public SiteReport generate() throws IOException {
    ArchiveReader.Listing listing = archive.list(options.archive(), options.zone(), reporter);
    return generate(listing.articles(), archive::body, listing.images());
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
    long start = System.nanoTime();
    SitePlanner.Plan plan = new SitePlanner(options, theme.labels()).plan(articles, images);
    plan.pages().stream().map(Page::template).distinct().forEach(theme::template);

    Path output = options.output();
    Files.createDirectories(output);
    Counts counts = new Counts();
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      BodyHtml bodyHtml = new BodyHtml(markdown, plan.links(), bodies);
      // article pages first, a batch at a time: each body is parsed once for its page, its reading
      // time and its search entry, and memory holds one batch of search terms, never the archive's
      @Nullable SearchIndex index = options.makes(PageKind.SEARCH) ? new SearchIndex() : null;
      List<Page> articlePages = new ArrayList<>();
      List<Page> otherPages = new ArrayList<>();
      for (Page page : plan.pages()) {
        (page.template().equals(ARTICLE) ? articlePages : otherPages).add(page);
      }
      int total = plan.pages().size();
      for (int from = 0; from < articlePages.size(); from += BATCH) {
        List<Future<Rendered>> batch = new ArrayList<>();
        for (Page page : articlePages.subList(from, Math.min(articlePages.size(), from + BATCH))) {
          batch.add(pool.submit(() -> renderArticle(page, plan, bodyHtml, index != null)));
        }
        for (Future<Rendered> future : batch) {
          Rendered done = await(future);
          counts.add(done.written());
          if (index != null) {
            index.add(done.path(), done.title(), done.date(), done.snippet(), done.terms());
          }
          reporter.progress("pages", counts.total(), total);
        }
      }
      List<Future<Boolean>> results = new ArrayList<>();
      for (Page page : otherPages) {
        results.add(pool.submit(() -> write(page.path(), render(page, plan, bodyHtml))));
      }
      for (Future<Boolean> result : results) {
        counts.add(await(result));
        reporter.progress("pages", counts.total(), total);
      }
      if (index != null) {
        for (Map.Entry<String, byte[]> file : index.files().entrySet()) {
          counts.add(write(file.getKey(), file.getValue()));
        }
      }
    } finally {
      stop(pool);
    }
    for (Map.Entry<String, byte[]> file : extraFiles().entrySet()) {
      counts.add(write(file.getKey(), file.getValue()));
    }
    for (String image : new TreeSet<>(images.values())) {
      // archived images keep their archive path in the site: images/ab/ab12….webp
      Path source = options.archive().resolve(image);
      counts.add(Files.isRegularFile(source) && write(image, Files.readAllBytes(source)));
    }
    if (options.baseUrl() == null) {
      reporter.info("no sitemap.xml: a sitemap needs absolute URLs, and no base URL is set");
    }
    // TODO(#6): remove files a previous build made that no page produces any more
    return new SiteReport(
        articles.size(),
        counts.written,
        counts.unchanged,
        output,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Files written and files left as they were. */
  private static final class Counts {
    int written;
    int unchanged;

    void add(boolean wasWritten) {
      if (wasWritten) {
        written++;
      } else {
        unchanged++;
      }
    }

    int total() {
      return written + unchanged;
    }
  }

  /** An article page done, with its search entry ({@code terms} empty when search is off). */
  private record Rendered(
      String path, boolean written, String title, String date, String snippet, Set<String> terms) {}

  /** Renders and writes an article page, parsing its body once for the page and the search. */
  private Rendered renderArticle(Page page, SitePlanner.Plan plan, BodyHtml bodyHtml, boolean search)
      throws IOException {
    Article a = plan.articles().get(page.path());
    BodyHtml.Parsed body = bodyHtml.parse(a, page.path(), search);
    boolean written = write(page.path(), render(page, plan, bodyHtml));
    if (!search) {
      return new Rendered(page.path(), written, "", "", "", Set.of());
    }
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
    return new Rendered(
        page.path(),
        written,
        a.title(),
        dates.date(a.date()).date(),
        snippet,
        SearchIndex.terms(text));
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
      html.put(articlePage, bodyHtml.html(article, articlePage, from, idPrefix));
      minutes.put(articlePage, bodyHtml.minutes(article, articlePage));
    }
    Map<String, @Nullable Object> model = new HashMap<>(page.model());
    model.put("bodies", html);
    model.put("minutes", minutes);
    if (page.template().equals(ARTICLE)) {
      model.put(
          "jsonLd", jsonLd(plan.articles().get(page.bodies().get(0)), page.path(), plan.links()));
    }
    model.put("site", site());
    model.put("path", page.path());
    model.put("canonical", canonical(page.path()));
    model.put("labels", theme.labels().values());
    model.put("url", new TemplateHelpers.Url(page.path()));
    model.put("msg", new TemplateHelpers.Msg(theme.labels()));
    model.put("count", new TemplateHelpers.Count(theme.labels()));
    model.put("on", on);
    String text = theme.render(page.template(), model);
    if (page.template().endsWith(".ftlx")) {
      text = XmlChars.strip(text); // XML 1.0 forbids most control characters, even escaped
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The JSON-LD {@code NewsArticle} of an article page, pointing at the original; every string is
   * escaped so nothing in it can close the {@code <script>} element.
   */
  private String jsonLd(Article a, String path, InternalLinks links) {
    var json = new StringBuilder("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
    json.append(",\"headline\":").append(SearchIndex.json(a.title()));
    if (!a.subtitle().isEmpty()) {
      json.append(",\"alternativeHeadline\":").append(SearchIndex.json(a.subtitle()));
    }
    json.append(",\"datePublished\":").append(SearchIndex.json(dates.date(a.date()).iso()));
    if (a.updated() != null) {
      json.append(",\"dateModified\":").append(SearchIndex.json(dates.date(a.updated()).iso()));
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

  private Map<String, byte[]> extraFiles() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>(theme.staticFiles());
    files.put(".nojekyll", new byte[0]);
    String robots = "User-agent: *\nAllow: /\n";
    String base = canonical("sitemap.xml");
    if (base != null) {
      robots += "\nSitemap: " + base + "\n";
    }
    files.put("robots.txt", robots.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** Writes a file unless it already holds these bytes; true when written. */
  private boolean write(String path, byte[] bytes) throws IOException {
    Path root = options.output().toAbsolutePath().normalize();
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new SiteGenException(
          Problem.error(path, 0, "output path: expected a file inside the site folder"));
    }
    if (Files.isRegularFile(target)
        && Files.size(target) == bytes.length
        && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return false;
    }
    AtomicWrites.replace(target, bytes);
    return true;
  }
}

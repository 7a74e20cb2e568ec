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

  private final SiteOptions options;
  private final Reporter reporter;
  private final Theme theme;
  private final SitePlanner dates;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final ArchiveReader archive = new ArchiveReader();

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
    ArchiveReader.Listing listing = archive.list(options.archive(), options.zone(), reporter, options.cache());
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
    int written = 0;
    int unchanged = 0;
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // one pass over every body for the search index also counts each article's reading time,
      // so that pages showing an article (its page, reading views, feeds) need not count again
      Map<String, Integer> minutes = new HashMap<>();
      for (Map.Entry<String, byte[]> file : searchIndex(plan, bodies, pool, minutes).entrySet()) {
        if (write(file.getKey(), file.getValue())) {
          written++;
        } else {
          unchanged++;
        }
      }
      List<Future<Boolean>> results = new ArrayList<>();
      BodyHtml bodyHtml = new BodyHtml(markdown, plan.links(), bodies);
      for (Page page : plan.pages()) {
        results.add(pool.submit(() -> write(page.path(), render(page, plan, bodyHtml, minutes))));
      }
      for (Future<Boolean> result : results) {
        if (await(result)) {
          written++;
        } else {
          unchanged++;
        }
        reporter.progress("pages", written + unchanged, plan.pages().size());
      }
    } finally {
      stop(pool);
    }
    for (Map.Entry<String, byte[]> file : extraFiles().entrySet()) {
      if (write(file.getKey(), file.getValue())) {
        written++;
      } else {
        unchanged++;
      }
    }
    for (String image : new TreeSet<>(images.values())) {
      // archived images keep their archive path in the site: images/ab/ab12….webp
      Path source = options.archive().resolve(image);
      if (Files.isRegularFile(source) && write(image, Files.readAllBytes(source))) {
        written++;
      } else {
        unchanged++;
      }
    }
    if (options.baseUrl() == null) {
      reporter.info("no sitemap.xml: a sitemap needs absolute URLs, and no base URL is set");
    }
    // TODO(#6): remove files a previous build made that no page produces any more
    return new SiteReport(
        articles.size(), written, unchanged, output, Duration.ofNanos(System.nanoTime() - start));
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
  private byte[] render(
      Page page, SitePlanner.Plan plan, BodyHtml bodyHtml, Map<String, Integer> readingMinutes)
      throws IOException {
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
      minutes.put(articlePage, readingMinutes.getOrDefault(articlePage, 1));
    }
    Map<String, @Nullable Object> model = new HashMap<>(page.model());
    model.put("bodies", html);
    model.put("minutes", minutes);
    if (page.template().equals("article.ftlh")) {
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
    String text = theme.render(page.template(), model);
    if (page.template().endsWith(".ftlx")) {
      text = XmlChars.strip(text); // XML 1.0 forbids most control characters, even escaped
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The search index of every article, newest first. Bodies are read and tokenised in parallel, a
   * batch at a time, so memory holds one batch of term sets, never the whole archive's text.
   */
  private Map<String, byte[]> searchIndex(
      SitePlanner.Plan plan, BodyLoader bodies, ExecutorService pool, Map<String, Integer> minutes)
      throws IOException {
    record Doc(String path, String title, String date, String snippet, Set<String> terms, int minutes) {}
    List<String> paths =
        plan.pages().stream()
            .filter(p -> p.template().equals("article.ftlh"))
            .map(Page::path)
            .toList();
    var index = new SearchIndex();
    int batch = 256;
    for (int from = 0; from < paths.size(); from += batch) {
      List<Future<Doc>> docs = new ArrayList<>();
      for (String path : paths.subList(from, Math.min(paths.size(), from + batch))) {
        Article a = plan.articles().get(path);
        docs.add(
            pool.submit(
                () -> {
                  String body = bodies.body(a);
                  String snippet =
                      a.summary().isBlank() ? markdown.toPlainText(body, 200) : a.summary().strip();
                  if (snippet.length() > 200) {
                    snippet = snippet.substring(0, 199).strip() + "…";
                  }
                  String bodyText = markdown.toPlainText(body, Integer.MAX_VALUE);
                  String text =
                      String.join(
                          " ",
                          a.title(),
                          a.subtitle(),
                          String.join(" ", a.tags()),
                          String.join(" ", a.authors()),
                          a.summary(),
                          bodyText);
                  return new Doc(
                      path,
                      a.title(),
                      dates.date(a.date()).date(),
                      snippet,
                      SearchIndex.terms(text),
                      readingMinutes(bodyText));
                }));
      }
      for (Future<Doc> future : docs) {
        Doc d = await(future);
        index.add(d.path(), d.title(), d.date(), d.snippet(), d.terms());
        minutes.put(d.path(), d.minutes());
      }
    }
    return index.files();
  }

  /** Minutes to read a body's plain text at 200 words a minute, at least 1. */
  private static int readingMinutes(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i); // the whitespace of the regular expression \s
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return Math.max(1, (words + 199) / 200);
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

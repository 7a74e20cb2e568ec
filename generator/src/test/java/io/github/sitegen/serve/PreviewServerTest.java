package io.github.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.site.SiteOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the preview server for real on 127.0.0.1 and talks to it over HTTP. */
class PreviewServerTest {
  private static final URI BASE = URI.create("https://example.github.io/site-gen/");
  private static final long WAIT_SECONDS = 30; // a generous bound, not a timing assertion

  @TempDir Path dir;

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private PreviewServer server;
  private Thread eventReader;
  /** The build cache folder the server's builds keep (none unless a test sets one). */
  private Path cache;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
    if (eventReader != null) {
      eventReader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
  }

  private Path archive() {
    return dir.resolve("articles");
  }

  private Path article(String title) throws IOException {
    Path file = archive().resolve("2026/02/05/hello.md");
    Files.createDirectories(file.getParent());
    return Files.writeString(
        file,
        "---\n"
            + "title: "
            + title
            + "\ndate: 2026-02-05T16:00:00Z\nid: urn:test:hello\nslug: hello\n---\nSome text.\n");
  }

  private PreviewServer start(Path theme) throws IOException {
    return start(theme, null);
  }

  private PreviewServer start(Path theme, ImportOptions imports) throws IOException {
    var site =
        new SiteOptions(
            archive(),
            dir.resolve("site"),
            "Preview",
            BASE,
            Locale.ENGLISH,
            ZoneId.of("UTC"),
            20,
            theme).withCache(cache);
    var options = new PreviewOptions(site, imports, "127.0.0.1", 0, Duration.ofMillis(50));
    server = PreviewServer.start(options, Reporter.silent(), log::add);
    return server;
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens the event stream; returns its lines as they come, once the stream is open. */
  private BlockingQueue<String> events() throws Exception {
    var lines = new LinkedBlockingQueue<String>();
    URI events = server.uri().resolve("/_site-gen/events");
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    assertThat(reader.readLine()).isEqualTo("retry: 1000"); // subscribed from here on
    eventReader =
        new Thread(
            () -> {
              try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the server closed the stream
              }
            });
    eventReader.setDaemon(true);
    eventReader.start();
    return lines;
  }

  private static void awaitLine(BlockingQueue<String> lines, String expected)
      throws InterruptedException {
    awaitLine(lines, expected, System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
  }

  /**
   * Waits for the line {@code expected} until {@code deadline} ({@link System#nanoTime}) in all:
   * the event stream's pings, every 15 seconds, would keep a wait for each line alive forever.
   */
  private static void awaitLine(BlockingQueue<String> lines, String expected, long deadline)
      throws InterruptedException {
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      assertThat(line).as("waiting for \"%s\"", expected).isNotNull();
      if (line.equals(expected)) {
        return;
      }
    }
  }

  /**
   * Waits for reload events until the home page satisfies {@code expected}: a save can give more
   * than one rebuild, so the first reload may come from an earlier batch of changes.
   */
  private HttpResponse<String> awaitHome(
      BlockingQueue<String> events, Predicate<HttpResponse<String>> expected) throws Exception {
    return awaitPage(events, server.uri(), expected);
  }

  /** Waits for reload events until the page at {@code uri} satisfies {@code expected}. */
  private HttpResponse<String> awaitPage(
      BlockingQueue<String> events, URI uri, Predicate<HttpResponse<String>> expected)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    HttpResponse<String> page = get(uri);
    while (!expected.test(page)) {
      awaitLine(events, "event: reload", deadline);
      page = get(uri);
    }
    return page;
  }

  @Test
  void servesTheSiteUnderTheBasePathWithTheReloadScriptOnlyInResponses() throws Exception {
    article("First title");
    start(null);

    HttpResponse<String> home = get(server.uri());

    assertThat(server.uri().getPath()).isEqualTo("/site-gen/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body())
        .contains("First title")
        .contains("<script src=\"/_site-gen/reload.js\"></script></body>");
    assertThat(Files.readString(dir.resolve("site/index.html"))).doesNotContain("_site-gen");
    assertThat(get(server.uri().resolve("/_site-gen/reload.js")).body()).contains("EventSource");
    HttpResponse<String> root = get(server.uri().resolve("/"));
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValue("/site-gen/");
    assertThat(get(server.uri().resolve("/site-gen/../../etc/passwd")).statusCode()).isEqualTo(404);
  }

  @Test
  void rebuildsWhenAnArticleChangesAndTellsOpenPagesToReload() throws Exception {
    Path file = article("First title");
    start(null);
    BlockingQueue<String> events = events();

    Files.writeString(file, Files.readString(file).replace("First title", "Second title"));

    HttpResponse<String> home = awaitHome(events, r -> r.body().contains("Second title"));

    assertThat(home.body()).doesNotContain("First title");
  }

  /**
   * With a build cache (as `mvn site-gen:serve` and most CLI runs have), a rebuild after a save
   * that changes only an article's text takes the plan of the build before: the article's page
   * shows the new text; a title changed next is planned anew and shows everywhere.
   */
  @Test
  void withABuildCacheATextEditAndThenATitleEditShowEverywhere() throws Exception {
    cache = dir.resolve("cache");
    Path file = article("First title");
    start(null);
    BlockingQueue<String> events = events();
    URI page = server.uri().resolve("2026/02/05/hello/");
    assertThat(get(page).body()).contains("Some text.");

    Files.writeString(file, Files.readString(file).replace("Some text.", "Other text."));
    awaitPage(events, page, r -> r.body().contains("Other text."));
    Files.writeString(file, Files.readString(file).replace("First title", "Second title"));
    awaitHome(events, r -> r.body().contains("Second title"));

    assertThat(get(page).body()).contains("Other text.").contains("Second title");
    assertThat(get(server.uri()).body()).doesNotContain("First title");
  }

  @Test
  void aRebuildThatChangesNoFileDoesNotReloadOpenPages() throws Exception {
    Path file = article("First title");
    start(null);
    BlockingQueue<String> events = events();

    // the same bytes saved again: a rebuild that leaves every page as it was
    Files.writeString(file, Files.readString(file));
    awaitLog(line -> line.startsWith("Rendered 1 articles: 0 files written"));
    int unchanged = rebuildsLogged();
    Files.writeString(file, Files.readString(file).replace("First title", "Second title"));

    // the first reload comes from a build after the unchanged ones
    awaitLine(events, "event: reload");
    String data = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(data).startsWith("data: ");
    assertThat(Integer.parseInt(data.substring("data: ".length()))).isGreaterThan(unchanged);
    assertThat(get(server.uri()).body()).contains("Second title");
  }

  /** Waits until a line of the log satisfies {@code expected}. */
  private void awaitLog(Predicate<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (List.copyOf(log).stream().noneMatch(expected)) {
      assertThat(System.nanoTime()).as("waiting for a log line").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** The builds done so far (the first one included), by their summaries in the log. */
  private int rebuildsLogged() {
    return (int) List.copyOf(log).stream().filter(line -> line.startsWith("Rendered ")).count();
  }

  @Test
  void showsABrokenTemplateInThePageAndRecoversOnTheNextGoodSave() throws Exception {
    article("First title");
    Path theme = Files.createDirectories(dir.resolve("theme/templates"));
    start(dir.resolve("theme"));
    BlockingQueue<String> events = events();

    Path broken = Files.writeString(theme.resolve("home.ftlh"), "<#if>\n");
    HttpResponse<String> error = awaitHome(events, r -> r.statusCode() == 500);

    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.body()).contains("home.ftlh:1:").contains("_site-gen/reload.js");
    assertThat(log).anySatisfy(line -> assertThat(line).contains("home.ftlh:1:"));

    Files.delete(broken);
    HttpResponse<String> fixed = awaitHome(events, r -> r.statusCode() == 200);

    assertThat(fixed.body()).contains("First title");
  }

  @Test
  void closeStopsServingAndEndsTheEventStreams() throws Exception {
    article("First title");
    start(null);
    URI uri = server.uri();
    events();

    server.close();

    eventReader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(eventReader.isAlive()).isFalse();
    assertThatThrownBy(() -> get(uri)).isInstanceOf(ConnectException.class);
  }

  @Test
  void injectsBeforeTheLastBodyEndTag() {
    assertThat(SiteHandler.inject("<p></body></BODY>"))
        .isEqualTo("<p></body>" + SiteHandler.SCRIPT_TAG + "</BODY>");
    assertThat(SiteHandler.inject("<p>")).isEqualTo("<p>" + SiteHandler.SCRIPT_TAG);
  }

  @Test
  void refusesToStartWithTheSiteInTheWatchedSnapshots() throws Exception {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    PreviewOptions options = importing(snapshots, snapshots.resolve("out"));

    // each build would write feed.xml into the watched folder, and start the next build
    assertThatThrownBy(() -> PreviewServer.start(options, Reporter.silent(), log::add))
        .isInstanceOf(SiteGenException.class)
        .hasMessageContaining("the output folder is the snapshots folder " + snapshots + " or inside it");
    assertThat(snapshots.resolve("out")).doesNotExist();
    assertThat(archive()).doesNotExist();
  }

  @Test
  void refusesToStartWithTheSiteInTheArchiveBeforeImporting() throws Exception {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(
        snapshots.resolve("carnet.xml"),
        "<rss version=\"2.0\"><channel><title>Carnet</title><link>https://example.org/</link>"
            + "<item><title>Un</title><guid>urn:test:1</guid><description>Texte.</description>"
            + "</item></channel></rss>");
    PreviewOptions options = importing(snapshots, archive());

    // before, the snapshot was imported, then every build failed on the folders
    assertThatThrownBy(() -> PreviewServer.start(options, Reporter.silent(), log::add))
        .isInstanceOf(SiteGenException.class)
        .hasMessageContaining("the output folder is the archive folder");
    assertThat(archive()).doesNotExist();
  }

  /** A preview of the archive into {@code output}, importing {@code snapshots} first. */
  private PreviewOptions importing(Path snapshots, Path output) {
    var site =
        new SiteOptions(archive(), output, "Preview", BASE, Locale.ENGLISH, ZoneId.of("UTC"), 20, null);
    return new PreviewOptions(
        site,
        new ImportOptions(snapshots, archive(), ZoneId.of("UTC")),
        "127.0.0.1",
        0,
        Duration.ofMillis(50));
  }

  @Test
  void importsANewSnapshotAndShowsItsArticles() throws Exception {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    start(null, new ImportOptions(snapshots, archive(), ZoneId.of("UTC")));
    BlockingQueue<String> events = events();

    Files.writeString(
        snapshots.resolve("carnet-20260205T160000Z.xml"),
        """
        <rss version="2.0"><channel><title>Carnet</title><link>https://example.org/</link>
        <item><title>Fresh from the feed</title><link>https://example.org/fresh/</link>
        <guid>urn:test:fresh</guid><pubDate>Thu, 05 Feb 2026 15:00:00 GMT</pubDate>
        <description>Body.</description></item></channel></rss>
        """);

    awaitHome(events, r -> r.body().contains("Fresh from the feed"));

    assertThat(log).anySatisfy(line -> assertThat(line).startsWith("Imported 1 snapshots: 1 new"));
  }

  @Test
  void repeatedRebuildsKeepTheThreadCountBoundedAndCloseStopsThemAll() throws Exception {
    Path file = article("Title 0");
    start(null);
    BlockingQueue<String> events = events();

    for (int i = 1; i <= 10; i++) {
      Files.writeString(file, Files.readString(file).replace("Title " + (i - 1), "Title " + i));
      String title = "Title " + i;
      awaitHome(events, r -> r.body().contains(title));
    }
    long serving = siteGenThreads();
    server.close();
    eventReader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

    assertThat(serving).isLessThanOrEqualTo(1 + ReloadEvents.MAX_LISTENERS + 8);
    // a pool reports itself terminated from its last worker, a moment before that thread ends:
    // wait for the threads themselves (bounded), then none may be left
    for (Thread t : siteGenThreadList()) {
      t.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
    assertThat(siteGenThreads()).isZero();
  }

  private static long siteGenThreads() {
    return siteGenThreadList().size();
  }

  private static java.util.List<Thread> siteGenThreadList() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("site-gen-"))
        .toList();
  }
}

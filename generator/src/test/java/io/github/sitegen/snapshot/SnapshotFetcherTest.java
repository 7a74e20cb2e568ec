package io.github.sitegen.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.feed.FeedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fetches from a real JDK HTTP server on 127.0.0.1; waits are recorded, never slept. */
class SnapshotFetcherTest {
  private static final String FEED =
      "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
  private static final Instant NOW = Instant.parse("2026-02-05T16:00:00Z");

  @TempDir Path snapshots;

  private HttpServer server;
  private ExecutorService executor;
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

  /** The notes among them: what every front end shows, unlike info lines. */
  private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, List<Map<String, List<String>>>> requests = new ConcurrentHashMap<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private interface Handler {
    void handle(HttpExchange exchange, int call) throws IOException;
  }

  private URI serve(String path, Handler handler) {
    var calls = new AtomicInteger();
    server.createContext(
        path,
        exchange -> {
          requests
              .computeIfAbsent(path, k -> Collections.synchronizedList(new ArrayList<>()))
              .add(Map.copyOf(exchange.getRequestHeaders()));
          try (exchange) {
            handler.handle(exchange, calls.incrementAndGet());
          }
        });
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private SnapshotFetcher fetcher(FetchOptions options, Instant now) {
    Reporter reporter =
        new Reporter() {
          @Override
          public void problem(Problem problem) {
            messages.add(problem.toString());
            if (problem.severity() == Problem.Severity.INFO) {
              notes.add(problem.toString());
            }
          }

          @Override
          public void info(String message) {
            messages.add(message);
          }
        };
    return new SnapshotFetcher(options, reporter, Clock.fixed(now, ZoneOffset.UTC), waits::add);
  }

  private SnapshotFetcher fetcher() {
    return fetcher(FetchOptions.defaults(snapshots), NOW);
  }

  private List<String> snapshotNames() throws IOException {
    try (Stream<Path> files = Files.list(snapshots)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void savesTheBodyUnderTheFeedNameAndUtcTime() throws IOException {
    URI url = serve("/feed", (ex, n) -> send(ex, 200, bytes(FEED)));

    FetchResult result = fetcher().fetch(FeedSource.of("next", url));

    assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.SAVED);
    assertThat(snapshotNames()).containsExactly("next-20260205T160000Z.xml");
    assertThat(Files.readString(snapshots.resolve("next-20260205T160000Z.xml"))).isEqualTo(FEED);
  }

  @Test
  void sendsADescriptiveUserAgentAndAsksForGzip() throws IOException {
    URI url = serve("/feed", (ex, n) -> send(ex, 200, bytes(FEED)));

    fetcher().fetch(FeedSource.of("next", url));

    Map<String, List<String>> headers = requests.get("/feed").get(0);
    assertThat(headers.get("User-agent").get(0))
        .startsWith("site-gen/")
        .contains("(+https://github.com/");
    assertThat(headers.get("Accept-encoding")).containsExactly("gzip");
  }

  @Test
  void conditionalGetAfterAnETagGivesNotModifiedAndNoNewFile() throws IOException {
    URI url =
        serve(
            "/feed",
            (ex, n) -> {
              if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, new byte[0]);
              } else {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                ex.getResponseHeaders().add("Last-Modified", "Thu, 05 Feb 2026 15:00:00 GMT");
                send(ex, 200, bytes(FEED));
              }
            });
    fetcher().fetch(FeedSource.of("next", url));

    FetchResult second =
        fetcher(FetchOptions.defaults(snapshots), NOW.plusSeconds(3600))
            .fetch(FeedSource.of("next", url));

    assertThat(second.outcome()).isEqualTo(FetchResult.Outcome.NOT_MODIFIED);
    assertThat(requests.get("/feed").get(1).get("If-modified-since"))
        .containsExactly("Thu, 05 Feb 2026 15:00:00 GMT");
    assertThat(snapshotNames())
        .containsExactly(SnapshotFetcher.STATE_FILE, "next-20260205T160000Z.xml");
    assertThat(Files.readString(snapshots.resolve(SnapshotFetcher.STATE_FILE)))
        .isEqualTo(
            """
            # site-gen snapshot: validators of each feed's last response
            next.etag="v1"
            next.last-modified=Thu, 05 Feb 2026 15\\:00\\:00 GMT
            """);
  }

  @Test
  void identicalBytesWriteNoNewFile() throws IOException {
    URI url = serve("/feed", (ex, n) -> send(ex, 200, bytes(FEED)));
    fetcher().fetch(FeedSource.of("next", url));

    FetchResult second =
        fetcher(FetchOptions.defaults(snapshots), NOW.plusSeconds(3600))
            .fetch(FeedSource.of("next", url));

    assertThat(second.outcome()).isEqualTo(FetchResult.Outcome.UNCHANGED);
    assertThat(snapshotNames()).containsExactly("next-20260205T160000Z.xml");
  }

  @Test
  void changedBytesWriteASecondFile() throws IOException {
    URI url = serve("/feed", (ex, n) -> send(ex, 200, bytes(FEED + n)));
    fetcher().fetch(FeedSource.of("next", url));

    fetcher(FetchOptions.defaults(snapshots), NOW.plusSeconds(3600))
        .fetch(FeedSource.of("next", url));

    assertThat(snapshotNames())
        .containsExactly("next-20260205T160000Z.xml", "next-20260205T170000Z.xml");
  }

  @Test
  void decodesGzip() throws IOException {
    URI url =
        serve(
            "/feed",
            (ex, n) -> {
              ex.getResponseHeaders().add("Content-Encoding", "gzip");
              send(ex, 200, gzip(bytes(FEED)));
            });

    fetcher().fetch(FeedSource.of("next", url));

    assertThat(Files.readString(snapshots.resolve("next-20260205T160000Z.xml"))).isEqualTo(FEED);
  }

  @Test
  void followsRedirects() throws IOException {
    URI target = serve("/moved", (ex, n) -> send(ex, 200, bytes(FEED)));
    URI url =
        serve(
            "/feed",
            (ex, n) -> {
              ex.getResponseHeaders().add("Location", "/moved");
              send(ex, 301, new byte[0]);
            });

    FetchResult result = fetcher().fetch(FeedSource.of("next", url));

    assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.SAVED);
    assertThat(requests.get("/moved")).hasSize(1);
    assertThat(target.getPath()).isEqualTo("/moved");
  }

  @Test
  void failsAfterTooManyRedirects() {
    URI url =
        serve(
            "/loop",
            (ex, n) -> {
              ex.getResponseHeaders().add("Location", "/loop");
              send(ex, 302, new byte[0]);
            });

    assertThatThrownBy(
            () ->
                fetcher(FetchOptions.defaults(snapshots).withLimits(3, 0, 1000), NOW)
                    .fetch(FeedSource.of("next", url)))
        .isInstanceOf(FetchException.class)
        .hasMessage("too many redirects (more than 3)");
    assertThat(requests.get("/loop")).hasSize(4);
  }

  @Test
  void waitsAsToldByRetryAfterSecondsOn429() throws IOException {
    URI url =
        serve(
            "/feed",
            (ex, n) -> {
              if (n == 1) {
                ex.getResponseHeaders().add("Retry-After", "7");
                send(ex, 429, new byte[0]);
              } else {
                send(ex, 200, bytes(FEED));
              }
            });

    FetchResult result = fetcher().fetch(FeedSource.of("next", url));

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    // a note, which the command line prints without --verbose: a long wait never looks like a hang
    assertThat(notes).containsExactly("next: HTTP 429, retrying in 7 s (attempt 2 of 4)");
  }

  @Test
  void readsRetryAfterAsAnHttpDateAndCapsIt() throws IOException {
    URI url =
        serve(
            "/feed",
            (ex, n) -> {
              if (n == 1) {
                ex.getResponseHeaders().add("Retry-After", "Thu, 05 Feb 2026 16:00:30 GMT");
                send(ex, 503, new byte[0]);
              } else if (n == 2) {
                ex.getResponseHeaders().add("Retry-After", "86400");
                send(ex, 503, new byte[0]);
              } else {
                send(ex, 200, bytes(FEED));
              }
            });

    fetcher().fetch(FeedSource.of("next", url));

    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  @Test
  void retriesA500WithExponentialBackOffThenSucceeds() throws IOException {
    URI url = serve("/feed", (ex, n) -> send(ex, n < 3 ? 500 : 200, bytes(FEED)));

    FetchResult result = fetcher().fetch(FeedSource.of("next", url));

    assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.SAVED);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void givesUpAfterTheLastRetry() {
    URI url = serve("/feed", (ex, n) -> send(ex, 502, new byte[0]));

    assertThatThrownBy(() -> fetcher().fetch(FeedSource.of("next", url)))
        .isInstanceOf(FetchException.class)
        .hasMessage("HTTP 502 after 4 attempts");
    assertThat(waits).hasSize(3);
  }

  @Test
  void doesNotRetryA404() {
    URI url = serve("/feed", (ex, n) -> send(ex, 404, new byte[0]));

    assertThatThrownBy(() -> fetcher().fetch(FeedSource.of("next", url)))
        .hasMessage("HTTP 404 from " + url);
    assertThat(waits).isEmpty();
  }

  @Test
  void timesOutOnAServerThatNeverAnswers() {
    URI url =
        serve(
            "/slow",
            (ex, n) -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    var options =
        FetchOptions.defaults(snapshots)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200))
            .withLimits(5, 1, 1000);

    assertThatThrownBy(() -> fetcher(options, NOW).fetch(FeedSource.of("next", url)))
        .isInstanceOf(FetchException.class)
        .hasMessage("timed out after 200 ms after 2 attempts");
    assertThat(requests.get("/slow")).hasSize(2);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          <!DOCTYPE html><html><head><title>Just a moment...</title></head></html> | an html page
          {"version": "https://jsonfeed.org/version/1.1", "items": []}             | json (json feed is not supported)
          '  '                                                                     | an empty file
          """)
  void aResponseThatIsNoFeedIsNotSaved(String body, String found) throws IOException {
    URI url = serve("/feed", (ex, n) -> send(ex, 200, bytes(body)));

    // a bot check answered with 200: saved, it was committed, then refused by every import
    assertThatThrownBy(() -> fetcher().fetch(FeedSource.of("next", url)))
        .isInstanceOf(FetchException.class)
        .hasMessage("not a feed: expected rss or atom xml, found " + found + "; nothing saved");
    assertThat(snapshotNames()).isEmpty();
    assertThat(FeedReader.obviouslyNoFeed(bytes(FEED))).isNull();
  }

  @Test
  void refusesABodyOverTheLimit() {
    URI url = serve("/big", (ex, n) -> send(ex, 200, new byte[5000]));

    assertThatThrownBy(
            () ->
                fetcher(FetchOptions.defaults(snapshots).withLimits(5, 3, 1000), NOW)
                    .fetch(FeedSource.of("next", url)))
        .isInstanceOf(FetchException.class)
        .hasMessage("response larger than the limit of 1,000 bytes");
    assertThat(waits).isEmpty();
  }

  @Test
  void refusesAGzipBodyThatInflatesOverTheLimit() {
    URI url =
        serve(
            "/bomb",
            (ex, n) -> {
              ex.getResponseHeaders().add("Content-Encoding", "gzip");
              send(ex, 200, gzip(new byte[100_000]));
            });

    assertThatThrownBy(
            () ->
                fetcher(FetchOptions.defaults(snapshots).withLimits(5, 0, 10_000), NOW)
                    .fetch(FeedSource.of("next", url)))
        .hasMessage("response larger than the limit of 10,000 bytes");
  }

  @Test
  void sendsTheSecretHeaderButNeverWritesOrReportsIt() throws IOException {
    String key = "s3cr3t-key-42";
    URI url =
        serve(
            "/full",
            (ex, n) -> {
              if (n == 1) {
                send(ex, 503, new byte[0]);
              } else {
                ex.getResponseHeaders().add("ETag", "\"e\"");
                send(ex, 200, bytes(FEED));
              }
            });
    var feed = new FeedSource("next", url, new Secret(Secret.Kind.HEADER, "X-RSS-Key", key));

    SnapshotReport report = fetcher().fetchAll(List.of(feed));

    assertThat(requests.get("/full").get(1).get("X-rss-key")).containsExactly(key);
    assertThat(report.saved()).isEqualTo(1);
    assertThat(String.join("\n", messages)).doesNotContain(key);
    for (String name : snapshotNames()) {
      assertThat(Files.readString(snapshots.resolve(name))).doesNotContain(key);
    }
    assertThat(feed.toString()).doesNotContain(key);
  }

  @Test
  void masksASecretQueryParameterInReportedFailures() throws IOException {
    String key = "s3cr3t-key-42";
    URI url = serve("/feed/full", (ex, n) -> send(ex, 403, new byte[0]));
    var feed = new FeedSource("next", url, new Secret(Secret.Kind.QUERY_PARAMETER, "rsskey", key));

    SnapshotReport report = fetcher().fetchAll(List.of(feed));

    assertThat(requests.get("/feed/full")).hasSize(1);
    assertThat(report.failures()).hasSize(1);
    assertThat(report.failures().get(0).toString())
        .isEqualTo(url + ": HTTP 403 from " + url + "?rsskey=***");
    assertThat(String.join("\n", messages)).doesNotContain(key);
  }

  @Test
  void readsAFileUrl(@TempDir Path elsewhere) throws IOException {
    Path feedFile = Files.writeString(elsewhere.resolve("feed.xml"), FEED);

    FetchResult result = fetcher().fetch(FeedSource.of("local", feedFile.toUri()));

    assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.SAVED);
    assertThat(snapshotNames()).containsExactly("local-20260205T160000Z.xml");
  }

  @Test
  void theNewestSnapshotIsFoundByTheTimeInItsName() throws IOException {
    for (String name :
        List.of(
            "next-20260205T160000Z.xml",
            "next-20260205T160000Z-2.xml",
            "next-20250101T000000Z.xml",
            "next-full-20270101T000000Z.xml")) {
      Files.writeString(snapshots.resolve(name), name);
    }

    assertThat(SnapshotFetcher.latestSnapshot(snapshots, "next").orElseThrow().getFileName())
        .hasToString("next-20260205T160000Z-2.xml");
  }

  @Test
  void rejectsNamesThatCouldLeaveTheFolder() {
    assertThatThrownBy(() -> FeedSource.of("../x", URI.create("https://example.org/")))
        .hasMessageContaining("expected a feed name");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}

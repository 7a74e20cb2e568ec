package io.github.sitegen.snapshot;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.feed.FeedReader;
import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.LimitedBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Fetches feeds into a snapshots folder as {@code <name>-<UTC timestamp>.xml} ({@code
 * next-20260205T160000Z.xml}), the names {@link io.github.sitegen.feed.FeedReader} reads the
 * snapshot time from.
 *
 * <p>Polite and frugal: a conditional GET with the validators of the last response (kept in {@code
 * .site-gen-fetch.properties} in the snapshots folder), no new file when the server answers 304 or
 * sends the very bytes of the latest snapshot, gzip, at most {@link FetchOptions#maxRedirects()}
 * redirects, retries with exponential back-off on 429, 5xx, timeouts and broken connections
 * (honouring {@code Retry-After}, capped), a size limit, a descriptive User-Agent. A feed's {@link
 * Secret} is sent with each request but never appears in a file, a reported message or an exception
 * message.
 *
 * <pre>{@code
 * var fetcher = new SnapshotFetcher(FetchOptions.defaults(Path.of("snapshots")), reporter);
 * FetchResult result = fetcher.fetch(FeedSource.of("next", URI.create("https://next.ink/feed/")));
 * }</pre>
 *
 * <p>Thread-safe for different feeds; two fetchers must not write one snapshots folder at once.
 */
public final class SnapshotFetcher {
  /** The state file's name in the snapshots folder. */
  public static final String STATE_FILE = FetchState.FILE_NAME;

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

  private final FetchOptions options;
  private final Reporter reporter;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HttpClient client;

  /** A fetcher with the system clock that really waits between attempts. */
  public SnapshotFetcher(FetchOptions options, Reporter reporter) {
    this(options, reporter, Clock.systemUTC(), Sleeper.system());
  }

  /** A fetcher naming files after {@code clock} and waiting with {@code sleeper} (for tests). */
  public SnapshotFetcher(FetchOptions options, Reporter reporter, Clock clock, Sleeper sleeper) {
    this.options = requireNonNull(options, "options");
    this.reporter = requireNonNull(reporter, "reporter");
    this.clock = requireNonNull(clock, "clock");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER) // followed here, to count them
            .build();
  }

  /**
   * Fetches every feed; a feed that fails is reported as a problem (on its URL, secret masked) and
   * the others are still fetched.
   *
   * @throws IOException when the snapshots folder cannot be created or written
   */
  public SnapshotReport fetchAll(List<FeedSource> feeds) throws IOException {
    long start = System.nanoTime();
    List<FetchResult> results = new ArrayList<>();
    List<Problem> failures = new ArrayList<>();
    for (FeedSource feed : feeds) {
      try {
        FetchResult result = fetch(feed);
        results.add(result);
        reporter.info(result.summary());
      } catch (FetchException e) {
        Problem problem = Problem.error(feed.displayUrl(), 0, e.getMessage());
        failures.add(problem);
        reporter.problem(problem);
      }
    }
    return new SnapshotReport(results, failures, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Fetches one feed and saves it when it changed.
   *
   * @throws FetchException when the feed cannot be fetched (HTTP error, too many redirects, too
   *     large, timed out after every retry); its message names no secret
   * @throws IOException when the snapshots folder cannot be written
   */
  public FetchResult fetch(FeedSource feed) throws IOException {
    Path dir = options.snapshots();
    Files.createDirectories(dir);
    Optional<Path> latest = latestSnapshot(dir, feed.name());
    if ("file".equalsIgnoreCase(feed.url().getScheme())) {
      return save(feed, readFile(feed), latest, 1);
    }
    FetchState state = FetchState.load(dir);
    Response response = exchange(feed, latest.isPresent() ? state : null);
    if (response.status == 304) {
      return new FetchResult(
          feed.name(), FetchResult.Outcome.NOT_MODIFIED, null, 0, response.attempts);
    }
    boolean changed = state.put(feed.name(), "etag", response.header("ETag"));
    changed |= state.put(feed.name(), "last-modified", response.header("Last-Modified"));
    if (changed) {
      state.save();
    }
    return save(feed, decode(feed, response), latest, response.attempts);
  }

  private FetchResult save(FeedSource feed, byte[] body, Optional<Path> latest, int attempts)
      throws IOException {
    @Nullable String found = FeedReader.obviouslyNoFeed(body);
    if (found != null) {
      // (a bot check or an error page sent with 200: kept, it would be committed, and fail every
      // import after, until someone deleted it)
      throw new FetchException(FeedReader.notAFeed(found) + "; nothing saved");
    }
    if (latest.isPresent() && Arrays.equals(body, Files.readAllBytes(latest.get()))) {
      return new FetchResult(
          feed.name(), FetchResult.Outcome.UNCHANGED, null, body.length, attempts);
    }
    Path dir = options.snapshots();
    String stamp = FILE_TIME.format(clock.instant());
    Path target = dir.resolve(feed.name() + "-" + stamp + ".xml");
    for (int n = 2; Files.exists(target); n++) { // two fetches in one second
      target = dir.resolve(feed.name() + "-" + stamp + "-" + n + ".xml");
    }
    AtomicWrites.create(target, body);
    return new FetchResult(feed.name(), FetchResult.Outcome.SAVED, target, body.length, attempts);
  }

  /** The newest {@code <name>-<timestamp>[-n].xml} in {@code dir}, by the timestamp in its name. */
  static Optional<Path> latestSnapshot(Path dir, String name) throws IOException {
    Pattern own = Pattern.compile(Pattern.quote(name) + "-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.xml");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> own.matcher(p.getFileName().toString()).matches())
          .max(
              Comparator.comparing(
                  (Path p) -> {
                    Matcher m = own.matcher(p.getFileName().toString());
                    m.matches();
                    int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    return m.group(1) + String.format(Locale.ROOT, "%09d", n);
                  }));
    }
  }

  private byte[] readFile(FeedSource feed) throws IOException {
    Path path = Path.of(feed.url());
    if (!Files.isRegularFile(path)) {
      throw new FetchException("expected a feed file, found none");
    }
    if (Files.size(path) > options.maxBytes()) {
      throw new FetchException(new LimitedBody.TooLarge(options.maxBytes()).getMessage());
    }
    return Files.readAllBytes(path);
  }

  // ---------------------------------------------------------------- HTTP

  private record Response(int status, HttpResponse<byte[]> raw, int attempts) {
    @Nullable String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** One feed's request, with retries around redirects. */
  private Response exchange(FeedSource feed, @Nullable FetchState state) throws FetchException {
    int attempts = options.maxRetries() + 1;
    for (int attempt = 1; ; attempt++) {
      String failure;
      Duration wait = backOff(attempt);
      try {
        HttpResponse<byte[]> raw = followRedirects(feed, state);
        int status = raw.statusCode();
        if (status == 200 || status == 304) {
          return new Response(status, raw, attempt);
        }
        if (status != 429 && status / 100 != 5) {
          throw new FetchException("HTTP " + status + " from " + feed.redact(raw.uri().toString()));
        }
        failure = "HTTP " + status;
        Optional<Duration> retryAfter = retryAfter(raw.headers().firstValue("Retry-After"));
        if (retryAfter.isPresent()) {
          wait = retryAfter.get();
        }
      } catch (Transient e) {
        failure = e.getMessage();
      }
      if (attempt >= attempts) {
        throw new FetchException(
            failure + (attempts > 1 ? " after " + attempts + " attempts" : ""));
      }
      // a note, not an info line (shown only with --verbose, in Maven at debug level): a wait of up
      // to the longest Retry-After would otherwise look like a hang
      reporter.problem(
          Problem.info(
              feed.name(),
              0,
              String.format(
                  Locale.ROOT,
                  "%s, retrying in %d s (attempt %d of %d)",
                  failure,
                  wait.toSeconds(),
                  attempt + 1,
                  attempts)));
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted while waiting to retry");
      }
    }
  }

  private Duration backOff(int attempt) {
    Duration d = FIRST_BACK_OFF.multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : d;
  }

  /** {@code Retry-After} in seconds or as an HTTP date, capped; empty when absent or unreadable. */
  Optional<Duration> retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    Duration wait;
    if (value.matches("\\d{1,10}")) {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } else {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(clock.instant(), at);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(
        wait.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : wait);
  }

  private HttpResponse<byte[]> followRedirects(FeedSource feed, @Nullable FetchState state)
      throws FetchException, Transient {
    URI first = feed.requestUrl();
    URI uri = first;
    for (int redirects = 0; ; redirects++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(options.readTimeout())
              .header("User-Agent", options.userAgent())
              .header(
                  "Accept",
                  "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
                      + " text/xml;q=0.9, */*;q=0.8")
              .header("Accept-Encoding", "gzip");
      Secret secret = feed.secret();
      if (secret != null
          && secret.kind() == Secret.Kind.HEADER
          && sameOrigin(first, uri)) { // never hand the key to another host
        request.header(secret.name(), secret.value());
      }
      if (state != null) {
        state.get(feed.name(), "etag").ifPresent(v -> request.header("If-None-Match", v));
        state
            .get(feed.name(), "last-modified")
            .ifPresent(v -> request.header("If-Modified-Since", v));
      }
      HttpResponse<byte[]> response = send(feed, request.build());
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      boolean redirect =
          status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
      if (!redirect || location.isEmpty()) {
        return response;
      }
      if (redirects >= options.maxRedirects()) {
        throw new FetchException("too many redirects (more than " + options.maxRedirects() + ")");
      }
      try {
        uri = uri.resolve(location.get().strip());
      } catch (IllegalArgumentException e) {
        throw new FetchException("bad redirect location \"" + feed.redact(location.get()) + "\"");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new FetchException(
            "redirect to a non-http URL \"" + feed.redact(uri.toString()) + "\"");
      }
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  private HttpResponse<byte[]> send(FeedSource feed, HttpRequest request)
      throws FetchException, Transient {
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> new LimitedBody(options.maxBytes()));
    try {
      // the request timeout covers the headers; this one also covers a body that stalls
      return future.get(
          options.readTimeout().plus(options.connectTimeout()).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Transient("timed out after " + options.readTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (hasCause(e, LimitedBody.TooLarge.class)) {
        throw new FetchException(new LimitedBody.TooLarge(options.maxBytes()).getMessage());
      }
      if (hasCause(e, HttpTimeoutException.class)) {
        throw new Transient("timed out after " + options.readTimeout().toMillis() + " ms");
      }
      if (cause instanceof IOException) {
        // the JDK's messages may quote the URL: mask the secret
        throw new Transient(
            feed.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
      }
      throw new FetchException(feed.redact("request failed: " + cause));
    }
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private byte[] decode(FeedSource feed, Response response) throws FetchException {
    byte[] body = response.raw.body();
    String encoding = response.raw.headers().firstValue("Content-Encoding").orElse("identity");
    encoding = encoding.strip().toLowerCase(Locale.ROOT);
    if (encoding.equals("identity") || encoding.isEmpty()) {
      return body;
    }
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      throw new FetchException("unsupported content encoding \"" + encoding + "\"");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBytes() + 1));
      if (decoded.length > options.maxBytes()) {
        throw new FetchException(new LimitedBody.TooLarge(options.maxBytes()).getMessage());
      }
      return decoded;
    } catch (FetchException e) {
      throw e;
    } catch (InterruptedIOException e) {
      throw new FetchException("interrupted");
    } catch (IOException e) {
      throw new FetchException(feed.redact("cannot decode gzip body: " + e.getMessage()));
    }
  }

  /** A failure worth another attempt: timeout, refused or broken connection. */
  private static final class Transient extends Exception {
    private static final long serialVersionUID = 1L;

    Transient(String message) {
      super(message, null, false, false);
    }
  }
}

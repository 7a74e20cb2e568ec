package io.github.sitegen.snapshot;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * How to fetch feeds.
 *
 * @param snapshots the folder snapshots are saved to; created when missing
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the whole response once connected
 * @param maxRedirects redirects followed before giving up
 * @param maxRetries further attempts after a 429, a 5xx, a timeout or a broken connection
 * @param maxBytes the largest response body accepted, before and after gzip decoding
 * @param maxRetryAfter the longest wait accepted from a {@code Retry-After} header, and the cap of
 *     the exponential back-off
 * @param userAgent the {@code User-Agent} header
 */
public record FetchOptions(
    Path snapshots,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects,
    int maxRetries,
    long maxBytes,
    Duration maxRetryAfter,
    String userAgent) {

  /** The project's home page, named in the User-Agent. */
  public static final String HOME_PAGE = "https://github.com/sitegen/site-gen";

  public FetchOptions {
    requireNonNull(snapshots, "snapshots");
    requireNonNull(userAgent, "userAgent");
    positive(connectTimeout, "connect timeout");
    positive(readTimeout, "read timeout");
    requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxRedirects < 0 || maxRetries < 0) {
      throw new IllegalArgumentException("redirects and retries must be >= 0");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("size limit must be at least 1 byte, was " + maxBytes);
    }
  }

  private static void positive(Duration d, String what) {
    requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }

  /**
   * Defaults: 10 s to connect, 60 s to read, 5 redirects, 3 retries, 20 MB, back-off capped at 2
   * minutes, {@code site-gen/<version> (+https://github.com/sitegen/site-gen)}.
   */
  public static FetchOptions defaults(Path snapshots) {
    return new FetchOptions(
        snapshots,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        5,
        3,
        20L * 1024 * 1024,
        Duration.ofMinutes(2),
        defaultUserAgent());
  }

  /** {@code site-gen/0.1.0 (+https://github.com/sitegen/site-gen)}. */
  public static String defaultUserAgent() {
    return "site-gen/" + version() + " (+" + HOME_PAGE + ")";
  }

  /** This generator's version, from the jar Maven built; {@code dev} when run from classes. */
  public static String version() {
    try (InputStream in =
        FetchOptions.class.getResourceAsStream(
            "/META-INF/maven/io.github.sitegen/site-gen-generator/pom.properties")) {
      if (in == null) {
        return "dev";
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /** These options with other timeouts. */
  public FetchOptions withTimeouts(Duration connect, Duration read) {
    return new FetchOptions(
        snapshots, connect, read, maxRedirects, maxRetries, maxBytes, maxRetryAfter, userAgent);
  }

  /** These options with other limits. */
  public FetchOptions withLimits(int redirects, int retries, long bytes) {
    return new FetchOptions(
        snapshots,
        connectTimeout,
        readTimeout,
        redirects,
        retries,
        bytes,
        maxRetryAfter,
        userAgent);
  }
}

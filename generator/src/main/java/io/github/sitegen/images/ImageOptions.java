package io.github.sitegen.images;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How images are downloaded.
 *
 * @param allowPrivateHosts whether hosts resolving to loopback, private (site-local), link-local,
 *     wildcard, multicast or IPv6 unique-local addresses may be fetched; off by default, so that an
 *     article cannot make the importer probe the machine's own network
 * @param maxBytes the largest image accepted, in bytes
 * @param maxRedirects how many redirects are followed (each hop is checked like the first URL)
 * @param timeout connect timeout, and the time allowed for the whole response of one request
 * @param parallelism how many downloads run at once
 * @param userAgent the {@code User-Agent} header sent
 */
public record ImageOptions(
    boolean allowPrivateHosts,
    long maxBytes,
    int maxRedirects,
    Duration timeout,
    int parallelism,
    String userAgent) {

  /** 10 MiB: a news photo is well under that; a bigger file is most likely not one. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  public ImageOptions {
    requireNonNull(timeout, "timeout");
    requireNonNull(userAgent, "userAgent");
    if (maxBytes <= 0 || maxRedirects < 0 || parallelism <= 0 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "image options: expected positive limits, found maxBytes=" + maxBytes + ", maxRedirects="
              + maxRedirects + ", parallelism=" + parallelism + ", timeout=" + timeout);
    }
  }

  /**
   * Private hosts refused, 10 MiB, 5 redirects, 30 s, 4 downloads at once, a {@code site-gen}
   * User-Agent.
   */
  public static ImageOptions defaults() {
    return new ImageOptions(
        false, DEFAULT_MAX_BYTES, 5, Duration.ofSeconds(30), 4,
        "site-gen image archiver (+https://github.com/site-gen/site-gen)");
  }

  /** These options with private and loopback hosts allowed or refused. */
  public ImageOptions withPrivateHosts(boolean allow) {
    return new ImageOptions(allow, maxBytes, maxRedirects, timeout, parallelism, userAgent);
  }

  /** These options with another size limit. */
  public ImageOptions withMaxBytes(long max) {
    return new ImageOptions(allowPrivateHosts, max, maxRedirects, timeout, parallelism, userAgent);
  }
}

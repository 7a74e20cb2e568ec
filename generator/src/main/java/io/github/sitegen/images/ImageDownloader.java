package io.github.sitegen.images;

import io.github.sitegen.internal.LimitedBody;
import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.Sha256;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Downloads images into a store folder under content-hash names: {@code
 * <store>/images/<first 2 hex>/<sha-256 hex>.<ext>}, the extension from the content type (JPEG,
 * PNG, GIF, WebP, AVIF; not SVG, which may hold scripts), and only when the bytes start like such a
 * file. A download fails alone, with a reason: not http(s), a private or loopback host (unless
 * allowed; checked on every redirect hop), an HTTP status other than 200, another content type,
 * bytes that are not of the type announced, over the size limit, too many redirects, a timeout.
 * Configured once, then thread-safe.
 *
 * <pre>{@code
 * Map<String, ImageDownloader.Result> saved =
 *     new ImageDownloader(ImageOptions.defaults()).downloadAll(urls, archive, (done, total) -> {});
 * }</pre>
 */
public final class ImageDownloader {
  /** The folder, relative to the store, that images are saved under. */
  public static final String FOLDER = "images";

  private static final Map<String, String> EXTENSIONS =
      Map.of(
          "image/jpeg", "jpg",
          "image/pjpeg", "jpg",
          "image/png", "png",
          "image/gif", "gif",
          "image/webp", "webp",
          "image/avif", "avif");

  private final ImageOptions options;
  private final HttpClient client;
  private final Predicate<URI> trusted;

  public ImageDownloader(ImageOptions options) {
    this(options, uri -> false);
  }

  /** For tests: URLs {@code trusted} accepts skip the private-address check. */
  ImageDownloader(ImageOptions options, Predicate<URI> trusted) {
    this.options = requireNonNull(options, "options");
    this.trusted = requireNonNull(trusted, "trusted");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(options.timeout())
            .followRedirects(HttpClient.Redirect.NEVER) // followed here, to check every hop
            .build();
  }

  /** What became of one URL: saved at {@code path} (relative to the store, with {@code /}), or not. */
  public sealed interface Result {}

  /** Saved; {@code path} is relative to the store folder, e.g. {@code images/ab/ab12….webp}. */
  public record Saved(String path) implements Result {}

  /** Not saved, and why ({@code expected an image, found text/html}). */
  public record Failed(String reason) implements Result {}

  /**
   * Downloads every URL, {@link ImageOptions#parallelism()} at a time, into {@code store}.
   *
   * @param progress told {@code (done, total)} after each download
   * @return each URL's result, sorted by URL
   * @throws IOException when an image cannot be written to the store
   */
  public Map<String, Result> downloadAll(
      List<String> urls, Path store, BiConsumer<Integer, Integer> progress) throws IOException {
    Map<String, Result> results = new TreeMap<>();
    if (urls.isEmpty()) {
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), urls.size()));
    try {
      AtomicInteger done = new AtomicInteger();
      List<Future<Result>> futures = new ArrayList<>();
      for (String url : urls) {
        futures.add(
            pool.submit(
                () -> {
                  Result r = download(url, store);
                  progress.accept(done.incrementAndGet(), urls.size());
                  return r;
                }));
      }
      for (int i = 0; i < urls.size(); i++) {
        results.put(urls.get(i), await(futures.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private static Result await(Future<Result> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading images", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Downloads one URL into {@code store}.
   *
   * @throws IOException when the image cannot be written (a failed download is a {@link Failed})
   */
  public Result download(String url, Path store) throws IOException {
    Fetched fetched;
    try {
      fetched = fetch(url);
    } catch (Refused e) {
      return new Failed(e.getMessage());
    }
    return new Saved(save(fetched, store));
  }

  private record Fetched(byte[] bytes, String extension) {}

  /** Why a download is given up; its message is the report's reason. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private Fetched fetch(String url) throws Refused {
    URI uri = parse(url);
    for (int hop = 0; ; hop++) {
      checkHost(uri);
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(options.timeout())
              .header("User-Agent", options.userAgent())
              .header("Accept", "image/avif,image/webp,image/png,image/jpeg,image/gif")
              .GET()
              .build();
      HttpResponse<byte @Nullable []> response = send(request);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new Refused("expected HTTP 200, found " + status + " without a Location");
        }
        if (hop >= options.maxRedirects()) {
          throw new Refused("too many redirects (more than " + options.maxRedirects() + ")");
        }
        try {
          uri = parse(uri.resolve(new URI(location.get().strip())).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new Refused("bad redirect location \"" + location.get() + "\"");
        }
        continue;
      }
      if (status != 200) {
        throw new Refused("expected HTTP 200, found " + status);
      }
      String type = contentType(response.headers().firstValue("Content-Type").orElse(""));
      String extension = EXTENSIONS.get(type);
      if (extension == null) {
        throw new Refused("expected an image, found " + (type.isEmpty() ? "no content type" : type));
      }
      byte[] bytes = response.body();
      if (bytes == null) {
        throw new Refused(tooLarge());
      }
      if (!looksLike(extension, bytes)) {
        // an error page or a script sent as an image is not kept, whatever its label
        throw new Refused("expected the bytes of " + type + ", found something else");
      }
      return new Fetched(bytes, extension);
    }
  }

  private static URI parse(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new Refused("expected a URL, found \"" + url + "\"");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new Refused("expected an http(s) URL, found \"" + url + "\"");
    }
    return uri;
  }

  private void checkHost(URI uri) throws Refused {
    if (options.allowPrivateHosts() || trusted.test(uri)) {
      return;
    }
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new Refused("cannot resolve host \"" + host + "\"");
    }
    for (InetAddress address : addresses) {
      if (HostAddresses.isPrivate(address)) {
        throw new Refused(
            "refused: host \"" + host + "\" is a private or loopback address ("
                + address.getHostAddress() + "); allowPrivateImageHosts is off");
      }
    }
  }

  private HttpResponse<byte @Nullable []> send(HttpRequest request) throws Refused {
    CompletableFuture<HttpResponse<byte @Nullable []>> future =
        client.sendAsync(request, this::bodyOf);
    try {
      // the request timeout covers the headers; this one also covers a body that stalls
      return future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Refused(timedOut());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LimitedBody.TooLarge) {
        throw new Refused(tooLarge());
      }
      if (cause instanceof HttpTimeoutException) {
        throw new Refused(timedOut());
      }
      throw new Refused("cannot download: " + cause);
    }
  }

  private String timedOut() {
    long ms = options.timeout().toMillis();
    return "timed out after " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
  }

  private String tooLarge() {
    return String.format(Locale.ROOT, "expected at most %,d bytes, found more", options.maxBytes());
  }

  /** Only a 200 image's body is read (up to the limit); any other body is dropped unread. */
  private HttpResponse.BodySubscriber<byte @Nullable []> bodyOf(HttpResponse.ResponseInfo info) {
    String type = contentType(info.headers().firstValue("Content-Type").orElse(""));
    long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (info.statusCode() != 200 || !EXTENSIONS.containsKey(type)) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    if (length > options.maxBytes()) {
      return HttpResponse.BodySubscribers.replacing(null);
    }
    return new LimitedBody(options.maxBytes());
  }

  /** Whether the bytes start as files of that type do (their "magic number"). */
  static boolean looksLike(String extension, byte[] b) {
    return switch (extension) {
      case "jpg" -> startsWith(b, 0, 0xff, 0xd8, 0xff);
      case "png" -> startsWith(b, 0, 0x89, 'P', 'N', 'G');
      case "gif" -> startsWith(b, 0, 'G', 'I', 'F', '8');
      case "webp" -> startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P');
      case "avif" -> startsWith(b, 4, 'f', 't', 'y', 'p');
      default -> false;
    };
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xff) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static String contentType(String header) {
    int semicolon = header.indexOf(';');
    return (semicolon >= 0 ? header.substring(0, semicolon) : header).strip().toLowerCase(Locale.ROOT);
  }

  /** Writes the bytes under their hash, atomically, unless that file is already there. */
  private static String save(Fetched fetched, Path store) throws IOException {
    String hash = sha256(fetched.bytes());
    String path = FOLDER + "/" + hash.substring(0, 2) + "/" + hash + "." + fetched.extension();
    Path target = store.resolve(path);
    if (Files.isRegularFile(target) && Files.size(target) == fetched.bytes().length) {
      return path;
    }
    AtomicWrites.replace(target, fetched.bytes());
    return path;
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }
}

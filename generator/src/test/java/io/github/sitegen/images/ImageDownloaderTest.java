package io.github.sitegen.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDownloaderTest {
  static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 fake image".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir Path store;

  private final ImageServer server = newServer();

  private static ImageServer newServer() {
    try {
      return new ImageServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private final ImageOptions loopbackAllowed = ImageOptions.defaults().withPrivateHosts(true).withMaxBytes(1000);

  @Test
  void savesUnderTheContentHashWithTheExtensionOfItsType() throws IOException {
    server.serve("/photo", "image/webp; charset=binary", WEBP);

    var result = new ImageDownloader(loopbackAllowed).download(server.url("/photo"), store);

    String hash = ImageDownloader.sha256(WEBP);
    String path = "images/" + hash.substring(0, 2) + "/" + hash + ".webp";
    assertThat(result).isEqualTo(new ImageDownloader.Saved(path));
    assertThat(store.resolve(path)).hasBinaryContent(WEBP);
  }

  @ParameterizedTest(name = "{0}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      /page   | text/html     | 10   | expected an image, found text/html
      /svg    | image/svg+xml | 10   | expected an image, found image/svg+xml
      /fake   | image/png     | 10   | expected the bytes of image/png, found something else
      /big    | image/png     | 1001 | expected at most 1,000 bytes, found more
      /bigger | image/png     | 5000 | expected at most 1,000 bytes, found more
      """)
  void skipsWhatIsNotASmallEnoughImage(String path, String type, int size, String reason)
      throws IOException {
    server.serve(path, type, new byte[size], size == 5000); // chunked: no length to check first

    var result = new ImageDownloader(loopbackAllowed).download(server.url(path), store);

    assertThat(result).isEqualTo(new ImageDownloader.Failed(reason));
    assertThat(files()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(textBlock = """
      jpg,  ffd8ffe0,                 true
      png,  89504e470d0a1a0a,         true
      gif,  474946383961,             true
      webp, 524946460000000057454250, true
      avif, 000000206674797061766966, true
      png,  3c68746d6c3e,             false
      webp, 524946460000000041564920, false
      jpg,  ffd8,                     false
      """)
  void knowsTheFirstBytesOfEachType(String extension, String hex, boolean expected) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);

    assertThat(ImageDownloader.looksLike(extension, bytes)).isEqualTo(expected);
  }

  @Test
  void skipsAMissingImage() throws IOException {
    server.status("/gone", 404);

    var result = new ImageDownloader(loopbackAllowed).download(server.url("/gone"), store);

    assertThat(result).isEqualTo(new ImageDownloader.Failed("expected HTTP 200, found 404"));
  }

  @Test
  void givesUpOnABodyThatStalls() throws IOException {
    server.stall("/slow");
    var options =
        new ImageOptions(true, 1000, 5, Duration.ofMillis(300), 1, "test");

    var result = new ImageDownloader(options).download(server.url("/slow"), store);

    assertThat(result).isEqualTo(new ImageDownloader.Failed("timed out after 300 ms"));
  }

  @Test
  void followsABoundedNumberOfRedirects() throws IOException {
    server.redirect("/old", "/photo").serve("/photo", "image/webp", WEBP);
    server.redirect("/loop", "/loop");

    var downloader = new ImageDownloader(loopbackAllowed);

    assertThat(downloader.download(server.url("/old"), store)).isInstanceOf(ImageDownloader.Saved.class);
    assertThat(downloader.download(server.url("/loop"), store))
        .isEqualTo(new ImageDownloader.Failed("too many redirects (more than 5)"));
  }

  @Test
  void refusesAPrivateAddressByDefaultWithoutConnecting() throws IOException {
    server.serve("/photo", "image/webp", WEBP);

    var result = new ImageDownloader(ImageOptions.defaults()).download(server.url("/photo"), store);

    assertThat(result)
        .isEqualTo(
            new ImageDownloader.Failed(
                "refused: host \"127.0.0.1\" is a private or loopback address (127.0.0.1);"
                    + " allowPrivateImageHosts is off"));
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void checksEveryRedirectHop() throws IOException {
    // the first hop is trusted (it stands for a public host); its redirect to loopback is not
    try (ImageServer inside = new ImageServer().serve("/secret", "image/webp", WEBP)) {
      server.redirect("/public", inside.url("/secret"));
      int publicPort = server.port();

      var result =
          new ImageDownloader(ImageOptions.defaults(), uri -> uri.getPort() == publicPort)
              .download(server.url("/public"), store);

      assertThat(result).isInstanceOf(ImageDownloader.Failed.class);
      assertThat(((ImageDownloader.Failed) result).reason()).startsWith("refused: host \"127.0.0.1\"");
      assertThat(inside.requests()).isEmpty();
    }
  }

  @Test
  void downloadsManyAtOnceAndReportsEachBySortedUrl() throws IOException {
    for (int i = 0; i < 10; i++) {
      server.serve("/" + i, "image/gif", ("GIF89a image " + i).getBytes(StandardCharsets.UTF_8));
    }
    List<String> urls = Stream.iterate(9, i -> i >= 0, i -> i - 1).map(i -> server.url("/" + i)).toList();

    Map<String, ImageDownloader.Result> results =
        new ImageDownloader(loopbackAllowed).downloadAll(urls, store, (done, total) -> {});

    assertThat(results.keySet()).containsExactlyElementsOf(urls.stream().sorted().toList());
    assertThat(results.values()).allMatch(r -> r instanceof ImageDownloader.Saved);
    assertThat(files()).hasSize(10);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(store)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}

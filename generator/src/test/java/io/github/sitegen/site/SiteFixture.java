package io.github.sitegen.site;

import io.github.sitegen.Reporter;
import io.github.sitegen.archive.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Builds sites for tests. */
final class SiteFixture {
  private SiteFixture() {}

  static SiteOptions french(Path output, @Nullable URI baseUrl, int pageSize) {
    return new SiteOptions(
        output.resolveSibling("archive"),
        output,
        "Archives de Next",
        baseUrl,
        Locale.FRANCE,
        ZoneId.of("Europe/Paris"),
        pageSize,
        null);
  }

  static SiteReport build(SiteOptions options, List<Article> articles, BodyLoader bodies)
      throws IOException {
    return new SiteGenerator(options, Reporter.silent()).generate(articles, bodies);
  }

  static SiteReport buildNext(SiteOptions options) throws IOException {
    return build(options, NextArchive.articles(), NextArchive.bodyLoader());
  }

  static String read(Path site, String path) {
    try {
      return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every regular file under {@code site} with its bytes (as ISO-8859-1 text, one char a byte), by
   * {@link #files} path: two sites compare byte for byte.
   */
  static java.util.Map<String, String> contents(Path site) throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    for (String path : files(site)) {
      files.put(path, Files.readString(site.resolve(path), StandardCharsets.ISO_8859_1));
    }
    return files;
  }

  /** Every regular file under {@code site}, as sorted {@code /}-separated relative paths. */
  static List<String> files(Path site) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Copies every file under {@code from} to the same place under {@code to}, with its times. */
  static void copyKeepingTimes(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}

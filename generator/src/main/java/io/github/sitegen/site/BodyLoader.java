package io.github.sitegen.site;

import io.github.sitegen.archive.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Where article bodies come from: the archive on disk, or a map in tests. */
@FunctionalInterface
interface BodyLoader {
  /** The Markdown body of {@code article}. */
  String body(Article article) throws IOException;

  /**
   * A digest that changes whenever the body does (the build cache compares it with the previous
   * build's); by default the SHA-256 of the body.
   */
  default byte[] identity(Article article) throws IOException {
    return new Fingerprint().add(body(article).getBytes(StandardCharsets.UTF_8)).bytes();
  }
}

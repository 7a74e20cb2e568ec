package io.github.sitegen.site;

import io.github.sitegen.archive.Article;
import java.io.IOException;

/** Where article bodies come from: the archive on disk, or a map in tests. */
@FunctionalInterface
interface BodyLoader {
  /** The Markdown body of {@code article}. */
  String body(Article article) throws IOException;
}

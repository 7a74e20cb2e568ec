package io.github.sitegen.archive;

import io.github.sitegen.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the Markdown archive: every {@code *.md} file under the archive folder whose front matter
 * has at least {@code title} and {@code date} is an article. Thread-safe.
 */
public final class ArchiveReader {

  /**
   * Reads the front matter of every article under {@code archive}, newest first (ties broken by
   * path). A file with bad front matter is reported as {@code file:line: message} and left out.
   * A missing folder is an empty archive.
   */
  public List<Article> read(Path archive, Reporter reporter) throws IOException {
    throw new UnsupportedOperationException("TODO(#2)");
  }

  /** The Markdown body of an article (what follows the front matter). */
  public String body(Article article) throws IOException {
    throw new UnsupportedOperationException("TODO(#2)");
  }
}

package io.github.sitegen.feed;

import io.github.sitegen.Reporter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one snapshot file (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) with Rome, with XML parsing hardened
 * against external entities, DTD fetches and entity-expansion bombs. Thread-safe.
 */
public final class FeedReader {

  /**
   * Reads a snapshot file. Problems with single items are sent to {@code reporter} and the item is
   * left out; the other items still come back.
   *
   * @throws io.github.sitegen.SiteGenException when the file is not a feed at all ({@code
   *     file:line: message})
   * @throws IOException when the file cannot be read
   */
  public Snapshot read(Path file, Reporter reporter) throws IOException {
    throw new UnsupportedOperationException("TODO(#2): FeedReader");
  }
}

package io.github.sitegen.archive;

import io.github.sitegen.Reporter;
import java.io.IOException;

/**
 * Merges feed snapshots into the Markdown archive: one file per article, de-duplicated by id,
 * updated in place when a later snapshot carries a newer version, never removing an article that
 * left the feed. Output is deterministic whatever order the snapshots are read in.
 */
public final class ArchiveImporter {
  private final ImportOptions options;
  private final Reporter reporter;

  public ArchiveImporter(ImportOptions options, Reporter reporter) {
    this.options = options;
    this.reporter = reporter;
  }

  /**
   * Imports every snapshot file.
   *
   * @throws IOException when the archive cannot be written
   */
  public ImportReport run() throws IOException {
    throw new UnsupportedOperationException("TODO(#2)" + options + reporter);
  }
}

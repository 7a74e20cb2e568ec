package io.github.sitegen.cli;

import io.github.sitegen.archive.ImportOptions;
import picocli.CommandLine.Option;

/** The import's snapshot size limit: an option of every command that imports. */
final class SnapshotLimit {
  @Option(
      names = "--max-snapshot-size",
      defaultValue = "" + ImportOptions.DEFAULT_MAX_SNAPSHOT_BYTES,
      paramLabel = "<bytes>",
      converter = Converters.SnapshotBytes.class,
      description =
          "Largest snapshot file imported, in bytes; a larger one is reported as an error and left"
              + " out (default: ${DEFAULT-VALUE}, 64 MiB).")
  long bytes = ImportOptions.DEFAULT_MAX_SNAPSHOT_BYTES;
}

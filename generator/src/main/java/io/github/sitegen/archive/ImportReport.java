package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an import did.
 *
 * @param snapshots one line per snapshot file read, in the order they were applied
 * @param created articles new to the archive
 * @param updated archived articles rewritten with a newer version
 * @param unchanged archived articles seen again without a change
 * @param problems every problem found, in the order found
 * @param elapsed wall time
 */
public record ImportReport(
    List<SnapshotCounts> snapshots,
    int created,
    int updated,
    int unchanged,
    List<Problem> problems,
    Duration elapsed) {

  public ImportReport {
    snapshots = List.copyOf(snapshots);
    problems = List.copyOf(problems);
    requireNonNull(elapsed, "elapsed");
  }

  /**
   * What one snapshot file gave.
   *
   * @param file the snapshot file
   * @param items items read
   * @param skipped items left out because of a problem
   */
  public record SnapshotCounts(Path file, int items, int skipped) {}

  /** One line for a log: {@code Imported 3 snapshots: 9 new, 0 updated, 3 unchanged, 0 problems in 0.3 s}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "Imported %d snapshots: %d new, %d updated, %d unchanged, %d problems in %.1f s",
        snapshots.size(),
        created,
        updated,
        unchanged,
        problems.size(),
        elapsed.toMillis() / 1000.0);
  }
}

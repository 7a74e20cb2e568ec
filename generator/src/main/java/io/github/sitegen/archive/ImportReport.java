package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What an import did.
 *
 * @param snapshots one line per snapshot file read, in the order they were applied
 * @param created articles new to the archive
 * @param updated archived articles rewritten with a newer version
 * @param unchanged archived articles seen again without a change
 * @param problems every problem found, in the order found
 * @param elapsed wall time
 * @param alreadyImported snapshot files not read because the archive absorbed them in an earlier
 *     run (see {@code articles/.site-gen-imported})
 * @param images what archiving the articles' images did; null when it was not asked for
 */
public record ImportReport(
    List<SnapshotCounts> snapshots,
    int created,
    int updated,
    int unchanged,
    List<Problem> problems,
    Duration elapsed,
    int alreadyImported,
    @Nullable ImageCounts images) {

  public ImportReport {
    snapshots = List.copyOf(snapshots);
    problems = List.copyOf(problems);
    requireNonNull(elapsed, "elapsed");
  }

  /**
   * What one snapshot file gave. An article seen in several snapshots counts in each.
   *
   * @param file the snapshot file
   * @param items items read
   * @param skipped items left out because of a problem
   * @param created items whose article is new to the archive in this run
   * @param updated items whose archived article was rewritten with a changed text in this run
   * @param unchanged the other items used
   */
  public record SnapshotCounts(
      Path file, int items, int skipped, int created, int updated, int unchanged) {

    /** Counts without the new / updated / unchanged split. */
    public SnapshotCounts(Path file, int items, int skipped) {
      this(file, items, skipped, 0, 0, items - skipped);
    }
  }

  /**
   * What archiving images did ({@code --archive-images}).
   *
   * @param downloaded images downloaded into the archive in this run
   * @param failed images that could not be downloaded (each is also a problem)
   * @param articlesUpdated archived articles whose image list changed
   */
  public record ImageCounts(int downloaded, int failed, int articlesUpdated) {}

  /** The most severe problem found, or empty when there was none. */
  public java.util.Optional<Problem.Severity> worst() {
    return problems.stream().map(Problem::severity).max(Enum::compareTo);
  }

  /**
   * The full report: one line per snapshot, each problem as {@code file:line: message} (sorted by
   * file and line, so the report is the same whatever order files were read in), then the summary.
   *
   * <pre>
   * snapshots/next-1700.rss.xml: 30 items, 2 new, 1 updated, 27 unchanged, 0 skipped
   * snapshots/next-1700.rss.xml:412: item "Sans date": expected a publication date, found none …
   * Imported 1 snapshots: 2 new, 1 updated, 27 unchanged, 1 problems in 0.4 s
   * </pre>
   */
  public String report() {
    StringBuilder out = new StringBuilder(snapshotLines());
    problems.stream()
        .sorted(
            java.util.Comparator.comparing(Problem::file)
                .thenComparingInt(Problem::line)
                .thenComparing(Problem::message))
        .forEach(p -> out.append(p.severity().name().toLowerCase(Locale.ROOT)).append(": ").append(p).append('\n'));
    return out.append(summary()).append('\n').toString();
  }

  /** One line per snapshot: {@code file: 30 items, 2 new, 1 updated, 27 unchanged, 0 skipped}. */
  public String snapshotLines() {
    StringBuilder out = new StringBuilder();
    for (SnapshotCounts c : snapshots) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %d items, %d new, %d updated, %d unchanged, %d skipped%n",
              c.file(),
              c.items(),
              c.created(),
              c.updated(),
              c.unchanged(),
              c.skipped()));
    }
    return out.toString().replace("\r\n", "\n");
  }

  /**
   * One line for a log: {@code Imported 3 snapshots: 9 new, 0 updated, 3 unchanged, 0 problems in
   * 0.3 s}; with images archived, {@code …, 0 problems; images: 4 downloaded, 0 failed, 2 articles
   * updated in 1.2 s}.
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "Imported %d snapshots%s: %d new, %d updated, %d unchanged, %d problems%s in %.1f s",
        snapshots.size(),
        alreadyImported > 0 ? " (" + alreadyImported + " already imported)" : "",
        created,
        updated,
        unchanged,
        problems.size(),
        images == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; images: %d downloaded, %d failed, %d articles updated",
                images.downloaded(),
                images.failed(),
                images.articlesUpdated()),
        elapsed.toMillis() / 1000.0);
  }
}

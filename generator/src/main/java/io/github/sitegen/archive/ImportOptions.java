package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * How to import snapshots into the archive.
 *
 * @param snapshots folder holding the snapshot files ({@code *.xml}, {@code *.rss}, {@code
 *     *.atom}); read, never written
 * @param archive the Markdown archive folder; created when missing
 * @param zone time zone that decides an article's {@code YYYY/MM/DD} folder and the offset its
 *     dates are written with (use the site's zone)
 */
public record ImportOptions(Path snapshots, Path archive, ZoneId zone) {
  public ImportOptions {
    requireNonNull(snapshots, "snapshots");
    requireNonNull(archive, "archive");
    requireNonNull(zone, "zone");
  }
}

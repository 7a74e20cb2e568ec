package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.images.ImageOptions;
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
 * @param archiveImages whether the images articles refer to are downloaded into {@code
 *     <archive>/images/} after the merge (off by default: no network during an import unless asked)
 * @param images how images are downloaded, when {@code archiveImages} is on
 */
public record ImportOptions(
    Path snapshots, Path archive, ZoneId zone, boolean archiveImages, ImageOptions images) {
  public ImportOptions {
    requireNonNull(snapshots, "snapshots");
    requireNonNull(archive, "archive");
    requireNonNull(zone, "zone");
    requireNonNull(images, "images");
  }

  /** Options that archive no images. */
  public ImportOptions(Path snapshots, Path archive, ZoneId zone) {
    this(snapshots, archive, zone, false, ImageOptions.defaults());
  }

  /** These options with images archived (or not), downloaded as {@code images} says. */
  public ImportOptions withImages(boolean archive, ImageOptions images) {
    return new ImportOptions(snapshots, this.archive, zone, archive, images);
  }
}

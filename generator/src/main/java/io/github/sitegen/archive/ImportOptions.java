package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.images.ImageOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

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
 * @param cache folder of site-gen's caches (such as {@code target/site-gen-cache}) where the
 *     {@link ArchiveIndex} is kept, so that an import reads in full only the archive files of the
 *     articles it merges, with the snapshots' hashes and the items the last import merged (not
 *     parsed again while their files hold what it made); null for none (every archive file is
 *     read, every item parsed)
 * @param maxSnapshotBytes the largest snapshot file read, in bytes ({@value
 *     #DEFAULT_MAX_SNAPSHOT_BYTES} by default): a larger one is reported as an error and left out
 *     (not recorded as imported), rather than read whole into memory, where a file of hundreds of
 *     megabytes named like a snapshot would stop the import with all its other snapshots
 */
public record ImportOptions(
    Path snapshots,
    Path archive,
    ZoneId zone,
    boolean archiveImages,
    ImageOptions images,
    @Nullable Path cache,
    long maxSnapshotBytes) {
  /**
   * 64 MiB: a feed is rarely more than a few megabytes (the {@code snapshot} command saves at most
   * 20 MiB by default), and reading one takes several times its size in memory.
   */
  public static final long DEFAULT_MAX_SNAPSHOT_BYTES = 64L * 1024 * 1024;

  public ImportOptions {
    requireNonNull(snapshots, "snapshots");
    requireNonNull(archive, "archive");
    requireNonNull(zone, "zone");
    requireNonNull(images, "images");
    if (maxSnapshotBytes < 1) {
      throw new IllegalArgumentException(
          "snapshot size limit must be at least 1 byte, was " + maxSnapshotBytes);
    }
  }

  /** Options without a cache. */
  public ImportOptions(
      Path snapshots, Path archive, ZoneId zone, boolean archiveImages, ImageOptions images) {
    this(snapshots, archive, zone, archiveImages, images, null, DEFAULT_MAX_SNAPSHOT_BYTES);
  }

  /** Options that archive no images, without a cache. */
  public ImportOptions(Path snapshots, Path archive, ZoneId zone) {
    this(snapshots, archive, zone, false, ImageOptions.defaults());
  }

  /** These options with images archived (or not), downloaded as {@code images} says. */
  public ImportOptions withImages(boolean archive, ImageOptions images) {
    return new ImportOptions(
        snapshots, this.archive, zone, archive, images, cache, maxSnapshotBytes);
  }

  /** These options with the index kept in {@code cache} (null: no cache). */
  public ImportOptions withCache(@Nullable Path cache) {
    return new ImportOptions(
        snapshots, archive, zone, archiveImages, images, cache, maxSnapshotBytes);
  }

  /** These options with another snapshot size limit, in bytes (at least 1). */
  public ImportOptions withMaxSnapshotBytes(long bytes) {
    return new ImportOptions(snapshots, archive, zone, archiveImages, images, cache, bytes);
  }
}

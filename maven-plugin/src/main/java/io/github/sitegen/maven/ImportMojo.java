package io.github.sitegen.maven;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ArchiveImporter;
import io.github.sitegen.archive.FailOn;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.archive.ImportReport;
import io.github.sitegen.images.ImageOptions;
import io.github.sitegen.site.OptionValues;
import io.github.sitegen.site.SiteGenerator;
import java.io.File;
import java.io.IOException;
import java.time.ZoneId;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges every feed snapshot ({@code *.xml}, {@code *.rss}, {@code *.atom}) into the Markdown
 * archive: new articles are added, newer versions replace older ones, articles that left the feed
 * stay. Importing the same snapshots again changes nothing.
 */
@Mojo(name = "import", threadSafe = true)
public class ImportMojo extends AbstractSiteGenMojo {

  /** Folder holding the feed snapshot files; read, never written. */
  @Parameter(property = "sitegen.snapshotsDirectory", defaultValue = "${project.basedir}/snapshots")
  private File snapshotsDirectory;

  /**
   * Where {@code generate} writes the site. Not written here: checked with the archive, snapshots
   * and cache folders before anything is imported, so that {@code mvn site-gen} fails at once on
   * folders its {@code generate} step would refuse (the output folder being the archive or the
   * snapshots folder, the cache folder inside it).
   */
  @Parameter(property = "sitegen.outputDirectory", defaultValue = "${project.build.directory}/site")
  private File outputDirectory;

  /**
   * When the import fails the build: {@code never} (problems are only logged), {@code error} (an
   * item or a snapshot could not be used, a hostile DOCTYPE was refused) or {@code warning} (also
   * repairs and guesses: broken XML, an encoding, a missing date). The archive is written either
   * way.
   */
  @Parameter(property = "sitegen.failOn", defaultValue = "never")
  private String failOn;

  /**
   * Whether the images articles refer to (lead image and images in the text) are downloaded into
   * the archive's {@code images/} folder under content-hash names and recorded in each article's
   * front matter, so the site shows the archived copies. Off by default: the import then makes no
   * request. An image that cannot be fetched is logged and skipped.
   */
  @Parameter(property = "sitegen.archiveImages", defaultValue = "false")
  private boolean archiveImages;

  /**
   * Whether {@code archiveImages} may fetch from hosts that resolve to loopback, private,
   * link-local or other local addresses. Off by default, so that a feed cannot make the build
   * probe its own network.
   */
  @Parameter(property = "sitegen.allowPrivateImageHosts", defaultValue = "false")
  private boolean allowPrivateImageHosts;

  /**
   * The largest snapshot file imported, in bytes (64 MiB by default); a larger one is logged as an
   * error and left out, rather than read whole into memory.
   */
  @Parameter(
      property = "sitegen.maxSnapshotBytes",
      defaultValue = "" + ImportOptions.DEFAULT_MAX_SNAPSHOT_BYTES)
  private long maxSnapshotBytes;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping site-gen:import (sitegen.skip)");
      return;
    }
    ZoneId zone = Parameters.parse("timeZone", timeZone, OptionValues::zone);
    FailOn policy = Parameters.parse("failOn", failOn, FailOn::parse);
    Parameters.writableDirectory("archiveDirectory", archiveDirectory);
    Parameters.atLeast("maxSnapshotBytes", maxSnapshotBytes, 1);
    var options =
        new ImportOptions(snapshotsDirectory.toPath(), archiveDirectory.toPath(), zone)
            .withImages(archiveImages, ImageOptions.defaults().withPrivateHosts(allowPrivateImageHosts))
            .withCache(cacheDirectory.toPath())
            .withMaxSnapshotBytes(maxSnapshotBytes);
    try {
      SiteGenerator.refuseBadFolders(
          outputDirectory.toPath(), options.archive(), options.cache());
      SiteGenerator.refuseSiteInSnapshots(outputDirectory.toPath(), options.snapshots());
      // whatever happens below, an earlier import's handoff no longer tells the archive as it is
      ArchiveHandoff.clear(getPluginContext());
      var importer = new ArchiveImporter(options, new MavenReporter(getLog()));
      ImportReport report = importer.run();
      ArchiveHandoff.give(
          getPluginContext(), options.archive(), zone, options.cache(), importer.contents());
      report.snapshotLines().lines().forEach(getLog()::info);
      getLog().info(report.summary());
      if (policy.failed(report)) {
        throw new MojoFailureException(
            "import found problems of severity " + policy.name().toLowerCase(java.util.Locale.ROOT)
                + " or worse (sitegen.failOn); see the log above");
      }
    } catch (SiteGenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot import into " + archiveDirectory + ": " + e, e);
    }
  }
}

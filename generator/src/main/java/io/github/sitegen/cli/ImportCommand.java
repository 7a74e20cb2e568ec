package io.github.sitegen.cli;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ArchiveImporter;
import io.github.sitegen.archive.FailOn;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.archive.ImportReport;
import io.github.sitegen.images.ImageOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code site-gen import}: merges every snapshot file into the Markdown archive. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Merges feed snapshots (*.xml, *.rss, *.atom) into the Markdown archive.")
final class ImportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--snapshots",
      required = true,
      paramLabel = "<dir>",
      description = "Folder holding the feed snapshot files (read only).")
  private Path snapshots;

  @Option(
      names = "--archive",
      required = true,
      paramLabel = "<dir>",
      description = "The Markdown archive folder; created when missing.")
  private Path archive;

  @Option(
      names = "--time-zone",
      defaultValue = "UTC",
      paramLabel = "<zone>",
      converter = Converters.Zone.class,
      description =
          "Zone deciding an article's YYYY/MM/DD folder, e.g. Europe/Paris (default:"
              + " ${DEFAULT-VALUE}).")
  private ZoneId zone;

  @Option(
      names = "--fail-on",
      defaultValue = "never",
      paramLabel = "<level>",
      converter = FailOnConverter.class,
      description =
          "Exit with 1 when the import found a problem this severe: never, error (an item or a"
              + " snapshot could not be used, a hostile DOCTYPE), warning (also repairs and"
              + " guesses). Default: ${DEFAULT-VALUE}.")
  private FailOn failOn;

  @Option(
      names = "--archive-images",
      description =
          "Download the images articles refer to into the archive's images/ folder (content-hash"
              + " names, recorded in front matter) so the site shows the copies. Off by default.")
  private boolean archiveImages;

  @Option(
      names = "--allow-private-image-hosts",
      description =
          "Let --archive-images fetch from loopback, private or link-local addresses (refused by"
              + " default).")
  private boolean allowPrivateImageHosts;

  @Option(
      names = "--cache",
      paramLabel = "<dir>",
      description =
          "Folder for site-gen's caches, e.g. target/site-gen-cache: an index of the archive's"
              + " front matter, so only the files of merged articles are read, and the items the"
              + " last import merged, so they are not parsed again (default: none).")
  private @Nullable Path cache;

  @Mixin private SnapshotLimit limit;

  /** Lower-case names on the command line, like the Maven parameter. */
  static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var importer =
        new ArchiveImporter(
            new ImportOptions(snapshots, archive, zone)
                .withImages(
                    archiveImages, ImageOptions.defaults().withPrivateHosts(allowPrivateImageHosts))
                .withCache(cache)
                .withMaxSnapshotBytes(limit.bytes),
            new ConsoleReporter(err));
    try {
      ImportReport report = importer.run();
      spec.commandLine().getOut().print(report.snapshotLines());
      spec.commandLine().getOut().println(report.summary());
      if (failOn.failed(report)) {
        err.println("import failed: problems of severity " + failOn.name().toLowerCase(java.util.Locale.ROOT) + " or worse (--fail-on)");
        return 1;
      }
      return 0;
    } catch (SiteGenException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot import into " + archive + ": " + e);
      return 1;
    }
  }
}

package io.github.sitegen.cli;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ArchiveImporter;
import io.github.sitegen.archive.ArchiveIndex;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.archive.ImportReport;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import io.github.sitegen.site.SiteReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code site-gen build}: renders the Markdown archive into a static site; with {@code
 * --snapshots}, imports them first in the same process (as {@code import} does).
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Renders the Markdown archive into a static site.")
final class BuildCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private SiteArguments site;

  /** (Used with {@code --snapshots}.) */
  @Mixin private SnapshotLimit limit;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<dir>",
      description = "Folder the site is written to.")
  private Path out;

  @Option(
      names = "--snapshots",
      paramLabel = "<dir>",
      description =
          "Import the feed snapshots of this folder into the archive first, as import does (in"
              + " --time-zone, without --archive-images), then build: one process (default: none).")
  private @Nullable Path snapshots;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    SiteOptions options = site.toOptions(out);
    try {
      // made first: it refuses bad folders (the output in the archive, the cache in the output;
      // below, the output in the snapshots) before the import writes anything
      var generator = new SiteGenerator(options, new ConsoleReporter(err));
      ArchiveIndex.@Nullable Contents archive = null;
      if (snapshots != null) {
        SiteGenerator.refuseSiteInSnapshots(out, snapshots);
        var importer =
            new ArchiveImporter(
                new ImportOptions(snapshots, site.archive, site.zone)
                    .withCache(site.cache)
                    .withMaxSnapshotBytes(limit.bytes),
                new ConsoleReporter(err));
        ImportReport imported = importer.run();
        spec.commandLine().getOut().print(imported.snapshotLines());
        spec.commandLine().getOut().println(imported.summary());
        archive = importer.contents(); // the archive as the import left it: not read again
      }
      SiteReport report = archive == null ? generator.generate() : generator.generate(archive);
      spec.commandLine().getOut().println(report.summary());
      return 0;
    } catch (SiteGenException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot build " + out + " from " + site.archive + ": " + e);
      return 1;
    }
  }
}

package io.github.sitegen.cli;

import io.github.sitegen.Reporter;
import io.github.sitegen.archive.ArchiveImporter;
import io.github.sitegen.archive.ArchiveIndex;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The classes a real import and build load, loaded once more at the end of a run the launcher
 * records a class data sharing archive from ({@code -Dsitegen.cds.training=true}): an archive holds
 * only the classes its recording run loaded, and a first {@code build --snapshots} with nothing new
 * to import, or a first build that rendered nothing, would otherwise leave every later run loading
 * the feed, HTML, Markdown or template classes from the jar (measured: +0.3 s on each 10k update).
 *
 * <p>Imports two small snapshots shipped in the jar (RSS 2.0 and Atom, made up) into a temporary
 * archive and builds every kind of page from it, once with the import's contents and once from the
 * archive index, in a temporary folder deleted afterwards. Never fails the run: a problem only
 * leaves the archive thinner.
 */
final class ClassTraining {
  /** The system property the launcher sets on a recording run. */
  static final String PROPERTY = "sitegen.cds.training";

  private ClassTraining() {}

  /** Runs the training when the launcher asked for it; never throws. */
  static void runIfAsked() {
    if (Boolean.getBoolean(PROPERTY)) {
      run();
    }
  }

  /** Imports the shipped snapshots and builds them twice in a temporary folder; never throws. */
  static void run() {
    Path work = null;
    Path lock = null;
    Path siteLock = null;
    try {
      work = Files.createTempDirectory("site-gen-training");
      Path snapshots = Files.createDirectories(work.resolve("snapshots"));
      copy("rss.xml", snapshots.resolve("exemple-2026-02-05T1100Z.xml"));
      copy("atom.xml", snapshots.resolve("exemple-2026-02-05T1700Z.xml"));
      ZoneId zone = ZoneId.of("Europe/Paris");
      Path archive = work.resolve("articles");
      Path cache = work.resolve("cache");
      Files.createDirectories(archive);
      lock = ArchiveImporter.lockFile(archive); // left by the import: deleted with the archive
      // and the builds': deleted with the site
      siteLock = SiteGenerator.lockFile(Files.createDirectories(work.resolve("site")));
      var importer =
          new ArchiveImporter(
              new ImportOptions(snapshots, archive, zone).withCache(cache), Reporter.silent());
      importer.run();
      SiteOptions options =
          new SiteOptions(
                  archive,
                  work.resolve("site"),
                  "Exemple",
                  URI.create("https://exemple.invalid/"),
                  Locale.FRANCE,
                  zone,
                  20,
                  null)
              .withCache(cache);
      ArchiveIndex.Contents contents = importer.contents();
      if (contents != null) {
        new SiteGenerator(options, Reporter.silent()).generate(contents);
      }
      new SiteGenerator(options, Reporter.silent()).generate();
    } catch (IOException | RuntimeException e) {
      // a thinner archive, nothing worse
    } finally {
      if (lock != null) {
        lock.toFile().delete();
      }
      if (siteLock != null) {
        siteLock.toFile().delete();
      }
      if (work != null) {
        delete(work);
      }
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = ClassTraining.class.getResourceAsStream("training/" + resource)) {
      if (in == null) {
        throw new IOException("missing resource training/" + resource);
      }
      Files.copy(in, to);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a temporary folder left behind
    }
  }
}

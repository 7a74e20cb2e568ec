package io.github.sitegen.archive;

import static io.github.sitegen.archive.ImportHostileTest.feed;
import static io.github.sitegen.archive.ImportHostileTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import io.github.sitegen.site.SiteReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/** An import through the archive index writes what an import reading the whole archive writes. */
class ImportWithIndexTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @TempDir Path dir;

  @Test
  void importWithIndexEqualsImportWithout() throws IOException {
    // an archive of 40 articles, some sharing a title (slugs -2, -3), one hand-edited, one
    // hand-written, one with bad front matter
    Path snapshots = snapshotsWith(40);
    Path base = dir.resolve("base");
    new ArchiveImporter(new ImportOptions(snapshots, base, PARIS), p -> {}).run();
    Path edited = find(base, "Texte 3.");
    Files.writeString(edited, Files.readString(edited).replace("Texte 3.", "Texte 3, relu à la main."));
    Path handWritten = base.resolve("2026/02/01/note.md");
    Files.writeString(handWritten, "---\ntitle: Note\ndate: 2026-02-01\n---\nÀ la main.\n");
    Files.writeString(base.resolve("2026/02/01/cassé.md"), "---\ntitle: Cassé\ndate: hier\n---\n");
    setAllTimes(base, ArchiveIndexTest.PAST);

    // one new snapshot: new articles (one with an archived article's title and day), edits of
    // archived ones (the hand-edited one among them), unchanged repeats
    StringBuilder next = new StringBuilder();
    for (int i = 0; i < 40; i += 4) {
      String html = i % 8 == 0 ? "<p>Texte " + i + ", mis à jour.</p>" : "<p>Texte " + i + ".</p>";
      next.append(item("id-" + i, title(i), date(i), html, ""));
    }
    next.append(item("id-3", title(3), date(3), "<p>Texte 3, corrigé en ligne.</p>", ""));
    for (int i = 40; i < 50; i++) {
      next.append(item("id-" + i, title(i % 10), date(i % 10), "<p>Nouveau " + i + ".</p>", ""));
    }
    Files.writeString(snapshots.resolve("feed-2.xml"), feed("2026-02-06T12:00:00Z", next.toString()));

    Path without = copy(base, dir.resolve("without"));
    Path with = copy(base, dir.resolve("with"));
    Path cache = warmIndex(with);
    List<Problem> withoutProblems = new ArrayList<>();
    List<Problem> withProblems = new ArrayList<>();

    ImportReport expected =
        new ArchiveImporter(new ImportOptions(snapshots, without, PARIS), withoutProblems::add).run();
    var importer = new ArchiveImporter(new ImportOptions(snapshots, with, PARIS).withCache(cache), withProblems::add);
    ImportReport actual = importer.run();
    ArchiveIndex.Contents handedOver = importer.contents();

    assertThat(ArchiveFiles.all(with)).isEqualTo(ArchiveFiles.all(without));
    assertThat(actual.created()).isEqualTo(expected.created()).isEqualTo(10);
    assertThat(actual.updated()).isEqualTo(expected.updated()).isPositive();
    assertThat(actual.unchanged()).isEqualTo(expected.unchanged());
    assertThat(actual.snapshotLines()).isEqualTo(expected.snapshotLines());
    assertThat(lines(actual.problems(), with)).isEqualTo(lines(expected.problems(), without));
    assertThat(lines(withProblems, with)).isEqualTo(lines(withoutProblems, without));
    assertThat(lines(expected.problems(), without))
        .anyMatch(p -> p.contains("edited by hand"))
        .anyMatch(p -> p.contains("cassé.md:3: front matter 'date'"));
    // and the index the import left is fresh: listing through it gives what reading gives
    assertThat(new ArchiveReader().list(with, PARIS, p -> {}, cache))
        .isEqualTo(new ArchiveReader().list(with, PARIS, p -> {}));
    // what the import hands a build in the same process is what the build would read
    assertThat(handedOver).isNotNull().isEqualTo(new ArchiveIndex(cache).read(with, PARIS, p -> {}));
    assertThat(handedOver.listing().articles()).hasSize(40 + 10 + 1); // the broken file is left out
  }

  @Test
  void theArchiveScannedWhileSnapshotsAreReadReportsItsProblemsAfterTheirsAsWithoutAnIndex()
      throws IOException {
    // the index scan runs on another thread while the new snapshot is read: its problems are held
    // back and reported where a scan made after the read would report them
    Path snapshots = snapshotsWith(6);
    Path base = dir.resolve("base");
    new ArchiveImporter(new ImportOptions(snapshots, base, PARIS), p -> {}).run();
    Files.writeString(base.resolve("2026/02/01/cassé.md"), "---\ntitle: Cassé\ndate: hier\n---\n");
    setAllTimes(base, ArchiveIndexTest.PAST);
    Files.writeString(
        snapshots.resolve("feed-2.xml"),
        feed(
            "2026-02-06T12:00:00Z",
            item("id-1", title(1), date(1), "<p>Texte 1, mis à jour.</p>", "")
                + item("id-9", "Sans date", "un jour", "<p>Quand ?</p>", "")));
    Path without = copy(base, dir.resolve("without"));
    Path with = copy(base, dir.resolve("with"));
    Path cache = warmIndex(with);
    List<Problem> withoutProblems = new ArrayList<>();
    List<Problem> withProblems = new ArrayList<>();

    new ArchiveImporter(new ImportOptions(snapshots, without, PARIS), withoutProblems::add).run();
    ImportReport report =
        new ArchiveImporter(
                new ImportOptions(snapshots, with, PARIS).withCache(cache), withProblems::add)
            .run();

    List<String> said =
        withProblems.stream().map(p -> p.toString().replace(with.toString(), "<archive>")).toList();
    assertThat(said)
        .isEqualTo(
            withoutProblems.stream()
                .map(p -> p.toString().replace(without.toString(), "<archive>"))
                .toList());
    assertThat(said).hasSize(3);
    assertThat(said.subList(0, 2)).allMatch(p -> p.contains("feed-2.xml:4: item"));
    assertThat(said.get(2)).contains("cassé.md:3: front matter 'date'");
    assertThat(report.updated()).isEqualTo(1);
    assertThat(ArchiveFiles.all(with)).isEqualTo(ArchiveFiles.all(without));
  }

  /** A cache folder holding the index of {@code archive}, warm, as a build leaves it. */
  private Path warmIndex(Path archive) throws IOException {
    Path cache = dir.resolve("cache");
    new ArchiveReader().list(archive, PARIS, p -> {}, cache);
    return cache;
  }

  /** A snapshots folder whose {@code feed-1.xml} has the items {@code id-0} to {@code id-<count - 1>}. */
  private Path snapshotsWith(int count) throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < count; i++) {
      items.append(item("id-" + i, title(i), date(i), "<p>Texte " + i + ".</p>", ""));
    }
    Files.writeString(snapshots.resolve("feed-1.xml"), feed("2026-02-05T12:00:00Z", items.toString()));
    return snapshots;
  }

  @Test
  void aBuildOfWhatAnImportHandedOverLetsTheNextBuildTellTheArchiveUnchangedByAWalk()
      throws IOException {
    Path snapshots = snapshotsWith(5);
    Path archive = dir.resolve("articles");
    Path cache = dir.resolve("cache");
    var importer = new ArchiveImporter(new ImportOptions(snapshots, archive, PARIS).withCache(cache), p -> {});
    importer.run();
    var options =
        new SiteOptions(archive, dir.resolve("site"), "Archive", null, Locale.FRANCE, PARIS, 20, null)
            .withCache(cache);
    // the files were written a moment ago: known by their bytes, not by their times
    assertThat(importer.contents().files())
        .hasSize(5)
        .allMatch(f -> f.modified() == ArchiveIndex.UNTIMED);
    new SiteGenerator(options, p -> {}).generate(importer.contents());
    Path index = new ArchiveIndex(cache).file();
    Files.writeString(index, "not read"); // read, it would be rewritten

    SiteReport next = new SiteGenerator(options, p -> {}).generate();

    assertThat(index).hasContent("not read");
    assertThat(next.articles()).isEqualTo(5);
    assertThat(next.pagesWritten()).isZero();
    assertThat(next.pagesSkipped()).isPositive();
  }

  /**
   * With an index the scan's walk finds the leftovers (no walk of its own); without one a walk
   * deletes them: the same files either way, never in a hidden folder.
   */
  @ParameterizedTest(name = "with an index: {0}")
  @ValueSource(booleans = {true, false})
  void aKilledImportsTemporaryFileGoesWithTheNextImportThatWrites(boolean indexed)
      throws IOException {
    Path snapshots = snapshotsWith(1);
    Path archive = dir.resolve("articles");
    var options =
        new ImportOptions(snapshots, archive, PARIS).withCache(indexed ? dir.resolve("cache") : null);
    new ArchiveImporter(options, p -> {}).run();
    Path leftover = archive.resolve("2026/02/01/.deux.md.4242-7.tmp"); // as AtomicWrites names them
    Path image = archive.resolve("images/ab/.ab12.webp.4242-8.tmp");
    Path hidden = archive.resolve(".git/objects/.pack.4242-9.tmp"); // not ours: left alone
    for (Path file : List.of(leftover, image, hidden)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "---\ntitle: Deux");
    }

    // nothing new: nothing written, and no walk of the archive for leftovers
    new ArchiveImporter(options, p -> {}).run();
    assertThat(leftover).exists();
    assertThat(new ArchiveReader().read(archive, PARIS, p -> {})).hasSize(1); // hidden: no article

    Files.writeString(
        snapshots.resolve("feed-2.xml"),
        feed("2026-02-06T12:00:00Z", item("id-deux", "Deux", date(2), "<p>Texte.</p>", "")));
    new ArchiveImporter(options, p -> {}).run();
    assertThat(leftover).doesNotExist();
    assertThat(image).doesNotExist();
    assertThat(hidden).exists();
    assertThat(new ArchiveReader().read(archive, PARIS, p -> {})).hasSize(2);
  }

  @Test
  void reimportingNothingNewLeavesArchiveAndIndexAlone() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(
        snapshots.resolve("feed-1.xml"),
        feed("2026-02-05T12:00:00Z", item("id-1", "Un", date(1), "<p>Texte.</p>", "")));
    Path archive = dir.resolve("articles");
    Path cache = dir.resolve("cache");
    var options = new ImportOptions(snapshots, archive, PARIS).withCache(cache);
    new ArchiveImporter(options, p -> {}).run();
    Map<String, String> before = ArchiveFiles.all(archive);

    var importer = new ArchiveImporter(options, p -> {});
    ImportReport again = importer.run();

    assertThat(again.created() + again.updated()).isZero();
    assertThat(importer.contents()).isNull(); // the archive was not read: a build reads it
    assertThat(ArchiveFiles.all(archive)).isEqualTo(before);
    assertThat(new ArchiveIndex(cache).file()).isRegularFile();
  }

  @Test
  void aCopyOfAnImportedSnapshotIsNotImportedAgain() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Path first = snapshots.resolve("feed-1.xml");
    Files.writeString(first, feed("2026-02-05T12:00:00Z", item("id-1", "Un", date(1), "<p>Texte.</p>", "")));
    Path archive = dir.resolve("articles");
    new ArchiveImporter(new ImportOptions(snapshots, archive, PARIS), p -> {}).run();
    Map<String, String> before = ArchiveFiles.all(archive);
    // the same bytes under another name, unknown to any cache: its hash says it was imported
    Files.copy(first, snapshots.resolve("feed-1-copie.xml"));

    ImportReport again = new ArchiveImporter(new ImportOptions(snapshots, archive, PARIS), p -> {}).run();

    assertThat(again.alreadyImported()).isEqualTo(2);
    assertThat(again.snapshots()).isEmpty();
    assertThat(again.created() + again.updated() + again.unchanged()).isZero();
    assertThat(ArchiveFiles.all(archive)).isEqualTo(before);
  }

  private static String title(int i) {
    return "Article " + (i % 10);
  }

  private static String date(int i) {
    return "2026-02-0" + (1 + i % 5) + "T09:00:00Z";
  }

  private static List<String> lines(List<Problem> problems, Path archive) {
    return problems.stream()
        .map(p -> p.toString().replace(archive.toString(), "<archive>"))
        .sorted()
        .toList();
  }


  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private static Path find(Path archive, String text) throws IOException {
    try (Stream<Path> walk = Files.walk(archive)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
        if (Files.readString(p).contains(text)) {
          return p;
        }
      }
    }
    throw new AssertionError("no file with " + text);
  }

  private static void setAllTimes(Path archive, FileTime time) throws IOException {
    try (Stream<Path> walk = Files.walk(archive)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.setLastModifiedTime(p, time);
      }
    }
  }
}
